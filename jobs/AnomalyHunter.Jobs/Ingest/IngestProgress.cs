namespace AnomalyHunter.Jobs.Ingest;

/// <summary>Progress of an ingest run: which source is being read and how many rows so far.</summary>
public sealed record IngestProgress(int SourceIndex, int SourceCount, string SourcePath, long RowsRead);
