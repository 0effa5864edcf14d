namespace AnomalyHunter.Udfs.Detection.Statistical;

/// <summary>The period (day, week) a UTC timestamp falls in and its bin within that period, for timestamps before 1970 too.</summary>
internal static class TimeSlot
{
    /// <summary>The period number of <paramref name="timestampMs"/> for periods of <paramref name="periodMs"/> and its bin of width <paramref name="binMs"/> within it.</summary>
    public static (long Period, int Bin) Of(long timestampMs, long periodMs, long binMs)
    {
        long period = Math.DivRem(timestampMs, periodMs, out long rem);
        if (rem < 0)
        {
            period--;
            rem += periodMs;
        }

        return (period, (int)(rem / binMs));
    }
}
