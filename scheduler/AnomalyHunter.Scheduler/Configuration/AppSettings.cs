using AnomalyHunter.Lakehouse.Ingest;

namespace AnomalyHunter.Scheduler.Configuration;

/// <summary>All settings, bound from appsettings.json, a --config file, ANOMALYHUNTER_* environment variables and command-line options.</summary>
internal sealed class AppSettings
{
    /// <summary>The one folder that holds the lakehouse, the embedded catalog, quarantine files and logs.</summary>
    public string? DataDir { get; set; }

    /// <summary>Where the catalog lives.</summary>
    public CatalogSettings Catalog { get; set; } = new();

    /// <summary>Lakehouse housekeeping.</summary>
    public LakehouseSettings Lakehouse { get; set; } = new();

    /// <summary>How input files are read.</summary>
    public IngestOptions Ingest { get; set; } = new();

    /// <summary>How points are scored and merged into windows.</summary>
    public DetectSettings Detect { get; set; } = new();

    /// <summary>Investigation agents, verdicts, learning and language models.</summary>
    public InvestigateSettings Investigate { get; set; } = new();

    /// <summary>Log levels and destinations.</summary>
    public LoggingSettings Logging { get; set; } = new();
}
