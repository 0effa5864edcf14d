using System.CommandLine;
using AnomalyHunter.Scheduler.Hosting;

namespace AnomalyHunter.Scheduler.Cli;

/// <summary>Options accepted by every command.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> DataDir = new("--data-dir")
    {
        Description = $"Folder for the lakehouse, the embedded catalog, quarantine files and logs [default: ./{AppHost.DefaultDataDir}, or DataDir in the configuration]",
        Recursive = true,
    };

    public static readonly Option<string?> Config = new("--config")
    {
        Description = "Extra JSON configuration file, applied over appsettings.json and under ANOMALYHUNTER_* environment variables",
        Recursive = true,
    };

    public static readonly Option<string?> Catalog = new("--catalog")
    {
        Description = "PostgreSQL connection string; uses PostgreSQL for the catalog instead of the embedded SQLite file",
        Recursive = true,
    };

    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "Write debug logs to stderr as well as to the log file",
        Recursive = true,
    };

    public static void AddTo(RootCommand root)
    {
        root.Options.Add(DataDir);
        root.Options.Add(Config);
        root.Options.Add(Catalog);
        root.Options.Add(Verbose);
    }

    public static GlobalValues Read(ParseResult result) =>
        new(result.GetValue(DataDir), result.GetValue(Config), result.GetValue(Catalog), result.GetValue(Verbose));
}
