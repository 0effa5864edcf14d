namespace AnomalyHunter.Scheduler.Configuration;

/// <summary>Log settings: structured logs go to a daily file in the data folder; --verbose adds stderr.</summary>
internal sealed class LoggingSettings
{
    /// <summary>Minimum level written to the log file: Verbose, Debug, Information, Warning, Error or Fatal.</summary>
    public string Level { get; set; } = "Information";

    /// <summary>Log files kept (1 to 3650).</summary>
    public int RetainedFiles { get; set; } = 14;
}
