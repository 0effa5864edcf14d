namespace AnomalyHunter.Scheduler.Hosting;

/// <summary>Values of the options every command accepts.</summary>
internal sealed record GlobalValues(string? DataDir, string? ConfigFile, string? Catalog, bool Verbose);
