namespace AnomalyHunter.Udfs.Sampling;

/// <summary>The rank key of a point in a stratum: SplitMix64 of the seed and the point's absolute index, so selection is deterministic and independent of batching.</summary>
internal static class SampleHash
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;
    private const ulong Mix1 = 0xBF58476D1CE4E5B9UL;
    private const ulong Mix2 = 0x94D049BB133111EBUL;

    public static ulong Key(long seed, long index)
    {
        ulong z = unchecked((ulong)seed + ((ulong)index * Golden) + Golden);
        z = (z ^ (z >> 30)) * Mix1;
        z = (z ^ (z >> 27)) * Mix2;
        return z ^ (z >> 31);
    }

    /// <summary>The phase bin of a timestamp within a season of <paramref name="periodMs"/> split into <paramref name="bins"/>.</summary>
    public static int Phase(long timestampMs, long periodMs, int bins)
    {
        long r = timestampMs % periodMs;
        r = r < 0 ? r + periodMs : r;
        return (int)(r * bins / periodMs);
    }
}
