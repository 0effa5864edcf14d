using AnomalyHunter.Lakehouse.Ingest;

namespace AnomalyHunter.Jobs.Ingest;

/// <summary>One input to ingest: its path (for reports), its content hash (its identity), and how to read it.</summary>
public sealed record IngestSource(string Path, string Sha256, Func<CancellationToken, IAsyncEnumerable<SourceChunk>> Read);
