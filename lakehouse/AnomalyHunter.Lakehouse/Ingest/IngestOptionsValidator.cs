using System.Globalization;

namespace AnomalyHunter.Lakehouse.Ingest;

/// <summary>Checks <see cref="IngestOptions"/> at start-up so that a bad setting fails fast with a message naming it.</summary>
public static class IngestOptionsValidator
{
    /// <summary>Smallest allowed <see cref="IngestOptions.ChunkRows"/>.</summary>
    public const int MinChunkRows = 1024;

    /// <summary>Largest allowed <see cref="IngestOptions.ChunkRows"/>.</summary>
    public const int MaxChunkRows = 4_194_304;

    /// <summary>Largest allowed <see cref="IngestOptions.MaxLabelLength"/>.</summary>
    public const int MaxLabelLengthLimit = 65_535;

    /// <summary>Largest allowed <see cref="IngestOptions.MaxFutureSkew"/> (about ten years).</summary>
    public static readonly TimeSpan MaxFutureSkewLimit = TimeSpan.FromDays(3650);

    /// <summary>Throws <see cref="IngestOptionsException"/> when a setting is outside its allowed values.</summary>
    public static void Validate(IngestOptions options) => _ = ValidateAndResolveZone(options);

    /// <summary>Validates the options and returns the time zone of naive timestamps.</summary>
    internal static TimeZoneInfo ValidateAndResolveZone(IngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        RequireDefined(options.Layout, "Ingest:Layout");
        RequireDefined(options.TimestampFormat, "Ingest:TimestampFormat");
        RequireDefined(options.Duplicates, "Ingest:Duplicates");

        if (options.ChunkRows is < MinChunkRows or > MaxChunkRows)
        {
            throw new IngestOptionsException("Ingest:ChunkRows", string.Create(CultureInfo.InvariantCulture, $"{options.ChunkRows} is outside the allowed range {MinChunkRows}..{MaxChunkRows} rows."));
        }

        if (options.MaxLabelLength is < 1 or > MaxLabelLengthLimit)
        {
            throw new IngestOptionsException("Ingest:MaxLabelLength", string.Create(CultureInfo.InvariantCulture, $"{options.MaxLabelLength} is outside the allowed range 1..{MaxLabelLengthLimit} characters."));
        }

        if (options.MaxFutureSkew < TimeSpan.Zero || options.MaxFutureSkew > MaxFutureSkewLimit)
        {
            throw new IngestOptionsException("Ingest:MaxFutureSkew", string.Create(CultureInfo.InvariantCulture, $"{options.MaxFutureSkew:c} is outside the allowed range 00:00:00..3650.00:00:00 (0 to 3650 days)."));
        }

        RequireNames(options.TimestampColumns, "Ingest:TimestampColumns", allowEmptyList: false);
        RequireNames(options.ValueColumns, "Ingest:ValueColumns", allowEmptyList: false);
        RequireNames(options.MetricColumns, "Ingest:MetricColumns", allowEmptyList: true);
        RequireNames(options.LabelColumns, "Ingest:LabelColumns", allowEmptyList: true);
        RequireText(options.TenantColumn, "Ingest:TenantColumn", "a column name");
        RequireText(options.RegionColumn, "Ingest:RegionColumn", "a column name");
        RequireText(options.DefaultTenant, "Ingest:DefaultTenant", "a tenant name");
        RequireText(options.DefaultRegion, "Ingest:DefaultRegion", "a region name");
        if (options.DefaultTenant.Length > options.MaxLabelLength)
        {
            throw new IngestOptionsException("Ingest:DefaultTenant", "is longer than Ingest:MaxLabelLength.");
        }

        if (options.DefaultRegion.Length > options.MaxLabelLength)
        {
            throw new IngestOptionsException("Ingest:DefaultRegion", "is longer than Ingest:MaxLabelLength.");
        }

        return ResolveZone(options.NaiveTimeZone);
    }

    private static TimeZoneInfo ResolveZone(string? id)
    {
        const string Setting = "Ingest:NaiveTimeZone";
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new IngestOptionsException(Setting, "is empty; allowed values are IANA time-zone ids such as UTC, Europe/Berlin or America/New_York.");
        }

        if (string.Equals(id, "UTC", StringComparison.OrdinalIgnoreCase) || id == "Etc/UTC")
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new IngestOptionsException(Setting, $"'{id}' is not a known time zone; allowed values are IANA time-zone ids such as UTC, Europe/Berlin or America/New_York.");
        }
    }

    private static void RequireDefined<TEnum>(TEnum value, string setting)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new IngestOptionsException(setting, $"'{value}' is not one of {string.Join(", ", Enum.GetNames<TEnum>())}.");
        }
    }

    private static void RequireNames(IList<string>? names, string setting, bool allowEmptyList)
    {
        if (names is null || (!allowEmptyList && names.Count == 0))
        {
            throw new IngestOptionsException(setting, "must list at least one column name.");
        }

        foreach (string name in names)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new IngestOptionsException(setting, "holds an empty column name; every entry must be a non-empty header name.");
            }
        }
    }

    private static void RequireText(string? value, string setting, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new IngestOptionsException(setting, $"is empty; it must be {what}.");
        }
    }
}
