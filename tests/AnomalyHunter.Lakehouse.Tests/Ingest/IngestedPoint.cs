using AnomalyHunter.Lakehouse.Model;

namespace AnomalyHunter.Lakehouse.Tests.Ingest;

/// <summary>One accepted point, flattened out of its chunk.</summary>
internal sealed record IngestedPoint(SeriesKey Key, long TimestampMs, double Value, long Line);
