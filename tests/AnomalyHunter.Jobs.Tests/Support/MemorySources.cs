using AnomalyHunter.Jobs.Ingest;
using AnomalyHunter.Lakehouse.Model;

namespace AnomalyHunter.Jobs.Tests.Support;

/// <summary>Ingest sources built from points listed in a test.</summary>
internal static class MemorySources
{
    public static IngestSource From(string name, IReadOnlyList<(SeriesKey Key, long Ts, double Value)> rows)
    {
        var keys = rows.Select(r => r.Key).Distinct().ToList();
        var index = keys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i);
        return MemorySource.Create(
            name,
            keys,
            [.. rows.Select(r => index[r.Key])],
            [.. rows.Select(r => r.Ts)],
            [.. rows.Select(r => r.Value)],
            [.. rows.Select((_, i) => (long)i + 2)],
            rows.Count);
    }
}
