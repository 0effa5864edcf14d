using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using AnomalyHunter.Jobs.Ingest;
using AnomalyHunter.Lakehouse.Ingest;
using AnomalyHunter.Lakehouse.Model;

namespace AnomalyHunter.Jobs.Tests.Support;

/// <summary>Ingest sources built from points in memory, and a quarantine sink that keeps rows in a list.</summary>
internal static class MemorySources
{
    public static IngestSource From(string name, IReadOnlyList<(SeriesKey Key, long Ts, double Value)> rows)
    {
        var keys = rows.Select(r => r.Key).Distinct().ToList();
        var index = keys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i);
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            name + string.Join(';', rows.Select(r => FormattableString.Invariant($"{r.Key}|{r.Ts}|{r.Value:R}"))))));
        var chunk = new SourceChunk
        {
            SourcePath = name,
            Keys = keys,
            KeyIndex = [.. rows.Select(r => index[r.Key])],
            TimestampsMs = [.. rows.Select(r => r.Ts)],
            Values = [.. rows.Select(r => r.Value)],
            LineNumbers = [.. rows.Select((_, i) => (long)i + 2)],
            Count = rows.Count,
            Rejected = [],
        };
        return new IngestSource(name, sha, ct => Yield(chunk, ct));
    }

    private static async IAsyncEnumerable<SourceChunk> Yield(SourceChunk chunk, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        yield return chunk;
    }
}
