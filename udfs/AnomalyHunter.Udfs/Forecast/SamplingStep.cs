namespace AnomalyHunter.Udfs.Forecast;

/// <summary>The sampling step of a history: its median step and whether the steps are whole multiples of it.</summary>
/// <param name="StepMs">Median of the positive differences between consecutive timestamps, in milliseconds; 1 when there are none.</param>
/// <param name="Regular">True when at least the required share of steps lies within tolerance of a whole multiple of <paramref name="StepMs"/>.</param>
internal readonly record struct SamplingStep(long StepMs, bool Regular)
{
    /// <summary>Analyses ascending <paramref name="timestampsMs"/>; fewer than two points give a 1 ms irregular step.</summary>
    public static SamplingStep Analyse(ReadOnlySpan<long> timestampsMs, double minRegularShare, double tolerance)
        => Analyse(timestampsMs, minRegularShare, tolerance, null);

    /// <summary>As <see cref="Analyse(ReadOnlySpan{long}, double, double)"/>, with the steps in <paramref name="scratch"/>'s array when one is given.</summary>
    internal static SamplingStep Analyse(ReadOnlySpan<long> timestampsMs, double minRegularShare, double tolerance, FitScratch? scratch)
    {
        if (timestampsMs.Length < 2)
        {
            return new SamplingStep(1, false);
        }

        Span<long> steps = scratch is null ? new long[timestampsMs.Length - 1] : scratch.Steps(timestampsMs.Length - 1);
        long least = long.MaxValue;
        long most = long.MinValue;
        int n = 0;
        for (int i = 1; i < timestampsMs.Length; i++)
        {
            long d = timestampsMs[i] - timestampsMs[i - 1];
            if (d > 0)
            {
                steps[n++] = d;
                least = Math.Min(least, d);
                most = Math.Max(most, d);
            }
        }

        if (n == 0)
        {
            return new SamplingStep(1, false);
        }

        Span<long> positive = steps[..n];

        // why: regular sampling (every step equal) is the usual history; its median needs no sort.
        if (least != most)
        {
            positive.Sort();
        }

        long step = positive[n / 2];
        int regular = 0;
        foreach (long d in positive)
        {
            double ratio = (double)d / step;
            if (Math.Abs(ratio - Math.Round(ratio)) <= tolerance * Math.Max(1.0, Math.Round(ratio)) && ratio >= 1.0 - tolerance)
            {
                regular++;
            }
        }

        // why: zero or negative steps (duplicate or unordered timestamps) count against regularity too.
        return new SamplingStep(step, regular >= minRegularShare * (timestampsMs.Length - 1));
    }

    /// <summary>The slot of <paramref name="timestampMs"/>: the nearest whole number of steps since the Unix epoch, so season phases align with UTC time.</summary>
    public long Slot(long timestampMs)
    {
        (long q, long r) = Math.DivRem(timestampMs + (StepMs / 2), StepMs);
        return r < 0 ? q - 1 : q;
    }
}
