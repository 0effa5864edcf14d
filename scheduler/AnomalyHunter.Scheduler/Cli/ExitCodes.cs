namespace AnomalyHunter.Scheduler.Cli;

/// <summary>Documented exit codes of <c>anomaly-hunter</c>.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>An unexpected error; the message and the log file say more.</summary>
    public const int Failure = 1;

    /// <summary>Invalid command line or configuration; the message names the setting and its allowed values.</summary>
    public const int InvalidUsage = 2;

    /// <summary>Input was given but nothing could be ingested (every row was rejected or no input file was found).</summary>
    public const int NothingIngested = 3;

    /// <summary>Another process changed the lakehouse at the same time; running the command again is safe.</summary>
    public const int Conflict = 4;

    /// <summary>A quality or acceptance check run by the command did not pass.</summary>
    public const int CheckFailed = 5;

    /// <summary>Cancelled by Ctrl+C (or SIGTERM); nothing partial was committed.</summary>
    public const int Cancelled = 130;

    /// <summary>The table printed by <c>--help</c>.</summary>
    public const string HelpText =
        "Exit codes: 0 success; 1 unexpected error (see the log); 2 invalid command line or configuration; " +
        "3 nothing could be ingested; 4 concurrent change (safe to rerun); 5 a check did not pass; 130 cancelled.";
}
