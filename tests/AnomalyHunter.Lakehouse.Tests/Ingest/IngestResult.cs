using AnomalyHunter.Lakehouse.Ingest;

namespace AnomalyHunter.Lakehouse.Tests.Ingest;

/// <summary>Everything read from one file.</summary>
internal sealed record IngestResult(IReadOnlyList<SourceChunk> Chunks, IReadOnlyList<IngestedPoint> Points, IReadOnlyList<QuarantinedRow> Rejected);
