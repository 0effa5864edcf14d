using AnomalyHunter.Jobs.Framework;
using AnomalyHunter.Lakehouse.Catalog;
using AnomalyHunter.Lakehouse.Postgres;
using AnomalyHunter.Lakehouse.Sqlite;
using AnomalyHunter.Scheduler.Configuration;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Json;

namespace AnomalyHunter.Scheduler.Hosting;

/// <summary>The running program: settings, data folder, log, catalog and lake, created once per command.</summary>
internal sealed class AppHost : IAsyncDisposable
{
    /// <summary>Default data folder, relative to the current directory.</summary>
    public const string DefaultDataDir = "anomaly-hunter-data";

    private readonly Logger _logger;

    private AppHost(AppSettings settings, string dataDir, Logger logger, ICatalog catalog, TimeProvider time)
    {
        Settings = settings;
        DataDir = dataDir;
        _logger = logger;
        Catalog = catalog;
        Time = time;
        Lake = new Lake(catalog, Path.Combine(dataDir, "lake"), time, logger);
    }

    public AppSettings Settings { get; }

    public string DataDir { get; }

    public ILogger Log => _logger;

    public ICatalog Catalog { get; }

    public Lake Lake { get; }

    public TimeProvider Time { get; }

    public string QuarantineDir => Path.Combine(DataDir, "quarantine");

    public string LogsDir => Path.Combine(DataDir, "logs");

    /// <summary>Loads settings, opens the log and the catalog (migrating it), and returns the host.</summary>
    public static async Task<AppHost> StartAsync(GlobalValues globals, IReadOnlyDictionary<string, string?> overrides, CancellationToken cancellationToken)
    {
        var all = new Dictionary<string, string?>(overrides, StringComparer.OrdinalIgnoreCase);
        if (globals.DataDir is not null)
        {
            all["DataDir"] = globals.DataDir;
        }

        if (globals.Catalog is not null)
        {
            all["Catalog:Backend"] = "postgres";
            all["Catalog:ConnectionString"] = globals.Catalog;
        }

        var settings = SettingsLoader.Load(SettingsLoader.Build(globals.ConfigFile, all));
        string dataDir = Path.GetFullPath(settings.DataDir ?? DefaultDataDir);
        Directory.CreateDirectory(dataDir);
        var logger = CreateLogger(settings, dataDir, globals.Verbose);
        var time = TimeProvider.System;
        ICatalog catalog = settings.Catalog.Backend == "postgres"
            ? new PostgresCatalog(settings.Catalog.ConnectionString!, time, settings.Catalog.Schema)
            : new SqliteCatalog(Path.Combine(dataDir, "catalog.db"), time);
        try
        {
            await catalog.MigrateAsync(cancellationToken);
        }
        catch
        {
            await catalog.DisposeAsync();
            await logger.DisposeAsync();
            throw;
        }

        logger.Debug("Data folder {DataDir}, catalog backend {Backend}", dataDir, catalog.Backend);
        return new AppHost(settings, dataDir, logger, catalog, time);
    }

    public async ValueTask DisposeAsync()
    {
        await Catalog.DisposeAsync();
        await _logger.DisposeAsync();
    }

    private static Logger CreateLogger(AppSettings settings, string dataDir, bool verbose)
    {
        var level = Enum.Parse<LogEventLevel>(settings.Logging.Level, ignoreCase: true);
        var config = new LoggerConfiguration()
            .MinimumLevel.Is(verbose ? LogEventLevel.Debug : level)
            .Enrich.FromLogContext()
            .WriteTo.File(
                new JsonFormatter(renderMessage: true),
                Path.Combine(dataDir, "logs", "anomaly-hunter-.log"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: settings.Logging.RetainedFiles);
        if (verbose)
        {
            config = config.WriteTo.Console(
                outputTemplate: "{Timestamp:HH:mm:ss} [{Level:u3}] {Message:lj}{NewLine}{Exception}",
                standardErrorFromLevel: LogEventLevel.Verbose,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        }

        return config.CreateLogger();
    }
}
