namespace AnomalyHunter.Udfs.Forecast;

/// <summary>Chooses a season length (in steps) by the autocorrelation of the differenced, decimated history at daily and weekly lags.</summary>
/// <remarks>
/// Candidates exist only for steps from 1 minute to 1 hour that divide a day; the history is averaged into bins of
/// <c>d</c> steps (about <see cref="ForecastOptions.DecimatedPointsPerDay"/> bins a day), differenced once (which removes
/// level changes and trends) and the autocorrelation at the season lag in bins is compared with the threshold.
/// A weekly season also shows at the daily lag when days look alike, so it is chosen only when it beats the daily one
/// by <see cref="ForecastOptions.WeeklyMargin"/>. Returns 0 when no candidate qualifies.
/// </remarks>
internal static class SeasonDetector
{
    private const long MinuteMs = 60_000L;
    private const long HourMs = 3_600_000L;
    private const long DayMs = 86_400_000L;
    private const int DaysPerWeek = 7;

    public static int Detect(ReadOnlySpan<double> values, ReadOnlySpan<long> slots, long stepMs, ForecastOptions o)
    {
        if (stepMs < MinuteMs || stepMs > HourMs || DayMs % stepMs != 0 || values.Length < 2)
        {
            return 0;
        }

        int daily = (int)(DayMs / stepMs);
        int weekly = daily * DaysPerWeek;
        int bin = Math.Max(1, daily / o.DecimatedPointsPerDay);
        while (daily % bin != 0)
        {
            bin--;
        }

        long span = slots[^1] - slots[0] + 1;
        double acDaily = Fits(daily, span, values.Length, o) ? Autocorrelation(values, slots, bin, daily / bin) : double.NaN;
        double acWeekly = Fits(weekly, span, values.Length, o) ? Autocorrelation(values, slots, bin, weekly / bin) : double.NaN;
        bool dailyOk = acDaily >= o.SeasonMinAutocorrelation;
        if (acWeekly >= o.SeasonMinAutocorrelation && (!dailyOk || acWeekly >= acDaily + o.WeeklyMargin))
        {
            return weekly;
        }

        return dailyOk ? daily : 0;
    }

    private static bool Fits(int period, long span, int points, ForecastOptions o)
        => period <= o.HistoryBudget / o.MinSeasons && span >= (long)o.MinSeasons * period && points >= o.MinSeasons * period / 2;

    /// <summary>Autocorrelation at <paramref name="lag"/> bins of the first differences of the bin means; NaN when too few pairs exist.</summary>
    private static double Autocorrelation(ReadOnlySpan<double> values, ReadOnlySpan<long> slots, int bin, int lag)
    {
        long first = slots[0] / bin;
        int bins = checked((int)((slots[^1] / bin) - first + 1));
        var sum = new double[bins];
        var count = new int[bins];
        for (int i = 0; i < values.Length; i++)
        {
            int b = (int)((slots[i] / bin) - first);
            sum[b] += values[i];
            count[b]++;
        }

        var diff = new double[bins];
        diff[0] = double.NaN;
        for (int b = 1; b < bins; b++)
        {
            diff[b] = count[b] > 0 && count[b - 1] > 0 ? (sum[b] / count[b]) - (sum[b - 1] / count[b - 1]) : double.NaN;
        }

        double mean = 0.0;
        int n = 0;
        foreach (double d in diff)
        {
            if (!double.IsNaN(d))
            {
                mean += d;
                n++;
            }
        }

        if (n <= lag)
        {
            return double.NaN;
        }

        mean /= n;
        double variance = 0.0;
        foreach (double d in diff)
        {
            if (!double.IsNaN(d))
            {
                variance += (d - mean) * (d - mean);
            }
        }

        double cross = 0.0;
        int pairs = 0;
        for (int b = lag; b < bins; b++)
        {
            if (!double.IsNaN(diff[b]) && !double.IsNaN(diff[b - lag]))
            {
                cross += (diff[b] - mean) * (diff[b - lag] - mean);
                pairs++;
            }
        }

        // why: scale the lagged sum up to n terms so that gaps do not shrink the autocorrelation.
        return pairs < 2 || variance <= 0.0 ? double.NaN : cross / pairs * n / variance;
    }
}
