using System.Globalization;
using AnomalyHunter.Lakehouse.Ingest;
using AnomalyHunter.Udfs.Options;
using Microsoft.Extensions.Configuration;

namespace AnomalyHunter.Scheduler.Configuration;

/// <summary>Loads settings in the usual .NET precedence and validates them, naming the allowed values of anything wrong.</summary>
internal static class SettingsLoader
{
    /// <summary>Prefix of environment variables, e.g. <c>ANOMALYHUNTER_Detect__Threshold=60</c>.</summary>
    public const string EnvironmentPrefix = "ANOMALYHUNTER_";

    /// <summary>Builds the configuration: appsettings.json beside the program, then the --config file, then the environment, then overrides from options.</summary>
    public static IConfiguration Build(string? configFile, IReadOnlyDictionary<string, string?> overrides)
    {
        var builder = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true, reloadOnChange: false);
        if (configFile is not null)
        {
            string full = Path.GetFullPath(configFile);
            if (!File.Exists(full))
            {
                throw new OptionsValidationException("--config", $"the file '{full}' does not exist.");
            }

            builder.AddJsonFile(full, optional: false, reloadOnChange: false);
        }

        return builder
            .AddEnvironmentVariables(EnvironmentPrefix)
            .AddInMemoryCollection(overrides)
            .Build();
    }

    /// <summary>Binds and validates the settings.</summary>
    public static AppSettings Load(IConfiguration configuration)
    {
        var settings = new AppSettings();
        try
        {
            configuration.Bind(settings);
        }
        catch (InvalidOperationException ex)
        {
            throw new OptionsValidationException(ex.InnerException?.Message ?? ex.Message, ex);
        }

        Validate(settings);
        return settings;
    }

    private static void Validate(AppSettings s)
    {
        if (s.Catalog.Backend is not ("sqlite" or "postgres"))
        {
            throw new OptionsValidationException("Catalog:Backend", $"'{s.Catalog.Backend}' is not one of: sqlite, postgres.");
        }

        if (s.Catalog.Backend == "postgres" && string.IsNullOrWhiteSpace(s.Catalog.ConnectionString))
        {
            throw new OptionsValidationException("Catalog:ConnectionString", "is required when Catalog:Backend is postgres (or pass --catalog).");
        }

        if (s.Lakehouse.RemovedFileRetention < TimeSpan.Zero || s.Lakehouse.RemovedFileRetention > TimeSpan.FromDays(7))
        {
            throw new OptionsValidationException("Lakehouse:RemovedFileRetention", string.Create(CultureInfo.InvariantCulture,
                $"{s.Lakehouse.RemovedFileRetention} is outside the allowed range 00:00:00..7.00:00:00."));
        }

        if (s.Lakehouse.CommitRows is < 10_000 or > 500_000_000)
        {
            throw new OptionsValidationException("Lakehouse:CommitRows", string.Create(CultureInfo.InvariantCulture,
                $"{s.Lakehouse.CommitRows} is outside the allowed range 10000..500000000."));
        }

        if (s.Logging.RetainedFiles is < 1 or > 3650)
        {
            throw new OptionsValidationException("Logging:RetainedFiles", string.Create(CultureInfo.InvariantCulture,
                $"{s.Logging.RetainedFiles} is outside the allowed range 1..3650."));
        }

        if (!Enum.TryParse<Serilog.Events.LogEventLevel>(s.Logging.Level, ignoreCase: true, out _))
        {
            throw new OptionsValidationException("Logging:Level", $"'{s.Logging.Level}' is not one of: Verbose, Debug, Information, Warning, Error, Fatal.");
        }

        try
        {
            IngestOptionsValidator.Validate(s.Ingest);
        }
        catch (IngestOptionsException ex)
        {
            throw new OptionsValidationException(ex.Message, ex);
        }

        DetectFactory.Validate(s.Detect);
    }
}
