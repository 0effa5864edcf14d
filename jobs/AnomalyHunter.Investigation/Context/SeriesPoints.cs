namespace AnomalyHunter.Investigation.Context;

/// <summary>The points of one series in time order (UTC epoch milliseconds); gaps are simply absent.</summary>
public sealed record SeriesPoints(long[] TimestampsMs, double[] Values)
{
    /// <summary>No points.</summary>
    public static SeriesPoints Empty { get; } = new([], []);

    /// <summary>Number of points.</summary>
    public int Count => TimestampsMs.Length;

    /// <summary>Index of the first point at or after <paramref name="ms"/> (Count when none).</summary>
    public int IndexAtOrAfter(long ms)
    {
        int i = Array.BinarySearch(TimestampsMs, ms);
        return i >= 0 ? i : ~i;
    }

    /// <summary>The value at exactly <paramref name="ms"/>, or NaN when there is no point there.</summary>
    public double ValueAt(long ms)
    {
        int i = Array.BinarySearch(TimestampsMs, ms);
        return i >= 0 ? Values[i] : double.NaN;
    }

    /// <summary>The usual spacing of the points (median difference), or <paramref name="fallbackMs"/> with fewer than two points.</summary>
    public long StepMs(long fallbackMs = 300_000)
    {
        if (Count < 2)
        {
            return fallbackMs;
        }

        int n = Math.Min(Count - 1, 2000);
        var diffs = new long[n];
        int offset = Count - 1 - n;
        for (int i = 0; i < n; i++)
        {
            diffs[i] = TimestampsMs[offset + i + 1] - TimestampsMs[offset + i];
        }

        Array.Sort(diffs);
        return Math.Max(1, diffs[n / 2]);
    }
}
