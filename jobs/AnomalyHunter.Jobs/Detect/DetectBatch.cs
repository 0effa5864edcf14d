namespace AnomalyHunter.Jobs.Detect;

/// <summary>Series (sorted ids, including every member of its groups) and groups scored together in one pass over the data.</summary>
internal sealed record DetectBatch(long[] SeriesIds, string[] Groups);
