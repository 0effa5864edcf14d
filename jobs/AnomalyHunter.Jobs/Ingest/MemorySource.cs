using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using AnomalyHunter.Lakehouse.Ingest;
using AnomalyHunter.Lakehouse.Model;

namespace AnomalyHunter.Jobs.Ingest;

/// <summary>Builds an <see cref="IngestSource"/> from points already in memory (used by backtests and replays).</summary>
public static class MemorySource
{
    /// <summary>A source named <paramref name="name"/> whose identity is the SHA-256 of its name and content.</summary>
    public static IngestSource Create(
        string name,
        IReadOnlyList<SeriesKey> keys,
        int[] keyIndex,
        long[] timestampsMs,
        double[] values,
        long[] lineNumbers,
        int count)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name + "\n" + string.Join('\n', keys.Select(k => k.Canonical))));
        hash.AppendData(MemoryMarshalBytes(keyIndex.AsSpan(0, count)));
        hash.AppendData(MemoryMarshalBytes(timestampsMs.AsSpan(0, count)));
        hash.AppendData(MemoryMarshalBytes(values.AsSpan(0, count)));
        string sha = Convert.ToHexStringLower(hash.GetHashAndReset());
        var chunk = new SourceChunk
        {
            SourcePath = name,
            Keys = keys,
            KeyIndex = keyIndex,
            TimestampsMs = timestampsMs,
            Values = values,
            LineNumbers = lineNumbers,
            Count = count,
            Rejected = [],
        };
        return new IngestSource(name, sha, ct => YieldAsync(chunk, ct));
    }

    private static ReadOnlySpan<byte> MemoryMarshalBytes<T>(ReadOnlySpan<T> span)
        where T : struct => System.Runtime.InteropServices.MemoryMarshal.AsBytes(span);

    private static async IAsyncEnumerable<SourceChunk> YieldAsync(SourceChunk chunk, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        yield return chunk;
    }
}
