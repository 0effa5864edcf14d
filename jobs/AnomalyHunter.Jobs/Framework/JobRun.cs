namespace AnomalyHunter.Jobs.Framework;

/// <summary>A run in progress.</summary>
public sealed record JobRun(string RunId, string Job, Lake Lake);
