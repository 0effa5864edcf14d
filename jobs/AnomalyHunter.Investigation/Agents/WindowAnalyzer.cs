using AnomalyHunter.Investigation.Context;
using AnomalyHunter.Investigation.Findings;
using AnomalyHunter.Investigation.Statistics;

namespace AnomalyHunter.Investigation.Agents;

/// <summary>Measures a window against its series' seasonal history and names its pattern (see <see cref="Classify"/>).</summary>
internal static class WindowAnalyzer
{
    private const long HourMs = 3_600_000;
    private const long DayMs = SeasonalBaseline.DayMs;
    private const int MinPostPoints = 6;
    private const long SeasonalMinWindowMs = 4 * HourMs;
    private const long SeasonalShiftStepMs = HourMs / 2;
    private const long SeasonalMaxShiftMs = 12 * HourMs;

    public static WindowAnalysis Analyze(SeriesPoints points, long startMs, long endMs, AgentOptions o)
    {
        long step = points.StepMs();
        long last = points.Count == 0 ? endMs : Math.Max(points.TimestampsMs[^1], endMs);
        var r = SeasonalBaseline.Residuals(points, startMs - DayMs, Math.Min(endMs + DayMs, last), startMs, 2 * DayMs);
        var (ws, we) = r.Range(startMs, endMs);
        int expected = (int)Math.Max(1, ((endMs - startMs) / step) + 1);
        var (gapFrom, gapTo, gapMissing) = LargestGap(points, startMs - (3 * step), endMs + (3 * step), step);
        int missing = Math.Max(expected - (we - ws), gapMissing);

        int peak = -1;
        for (int i = ws; i < we; i++)
        {
            if (!double.IsNaN(r.Residuals[i]) && (peak < 0 || Math.Abs(r.Residuals[i]) > Math.Abs(r.Residuals[peak])))
            {
                peak = i;
            }
        }

        double peakZ = peak < 0 ? 0 : r.Z(peak);
        int excursion = 0;
        for (int i = ws; i < we; i++)
        {
            if (peak >= 0 && Math.Abs(r.Residuals[i]) >= 0.5 * Math.Abs(r.Residuals[peak]))
            {
                excursion++;
            }
        }

        double pre = Nz(r.MedianResidual(startMs - (12 * HourMs), startMs - 1));
        var (ps, pe) = r.Range(endMs + 1, endMs + (12 * HourMs));
        bool postAvailable = pe - ps >= MinPostPoints;
        double post = postAvailable
            ? Nz(Robust.Median(r.Residuals.AsSpan(ps, pe - ps)))
            : Nz(Robust.Median(r.Residuals.AsSpan(ws + (2 * (we - ws) / 3), we - ws - (2 * (we - ws) / 3))));
        double inWindow = Nz(Robust.Median(r.Residuals.AsSpan(ws, we - ws)));
        double ratio = VarianceRatio(r, ws, we, startMs, endMs, o);
        var seasonal = endMs - startMs >= SeasonalMinWindowMs ? Seasonal(points, r, ws, we, startMs) : (R2: 0.0, Sigmas: 0.0, ShiftHours: 0.0, Coefficient: 0.0);
        var (fs, fe) = r.Range(startMs - (12 * HourMs), endMs + (12 * HourMs));
        var change = ChangeFit.Fit(r.TimestampsMs.AsSpan(fs, fe - fs), r.Residuals.AsSpan(fs, fe - fs), o.RampMinPoints);
        double sigma2 = r.Sigma * r.Sigma;
        var (ds, de) = r.Range(startMs - DayMs, startMs - 1);
        double dailyRange = DailyRange(r.Expected.AsSpan(ds, de - ds));

        var analysis = new WindowAnalysis
        {
            StepMs = step,
            StartMs = startMs,
            EndMs = endMs,
            Residuals = r,
            PeakMs = peak < 0 ? startMs : r.TimestampsMs[peak],
            PeakValue = peak < 0 ? double.NaN : r.Values[peak],
            PeakExpected = peak < 0 ? double.NaN : r.Expected[peak],
            PeakZ = peakZ,
            ExcursionPoints = excursion,
            ExpectedPoints = expected,
            PresentPoints = we - ws,
            MissingPoints = missing,
            GapFromMs = gapFrom,
            GapToMs = gapTo,
            PreLevel = pre,
            PostLevel = post,
            PostAvailable = postAvailable,
            ShiftSigmas = (post - pre) / r.Sigma,
            WindowShiftSigmas = (inWindow - pre) / r.Sigma,
            VarianceRatio = ratio,
            SeasonalR2 = seasonal.R2,
            SeasonalSigmas = seasonal.Sigmas,
            SeasonalShiftHours = seasonal.ShiftHours,
            SeasonalCoefficient = seasonal.Coefficient,
            Change = change,
            RampImprovement = change.StepSse == double.MaxValue || change.RampSse == double.MaxValue ? 0 : (change.StepSse - change.RampSse) / sigma2,
            DailyRange = dailyRange,
            BaselineLevel = Robust.Median(r.Values.AsSpan(ds, de - ds)),
            Pattern = Patterns.Spike,
        };
        var (pattern, strength) = Classify(analysis, o);
        return analysis with { Pattern = pattern, Strength = strength };
    }

    /// <summary>
    /// The decision list: missing data; a changed daily pattern; a persistent change (a ramp is a trend change, a step a level
    /// shift); a short excursion (spike or dip by sign); raised noise (variance change); otherwise spike or dip by the peak's sign.
    /// </summary>
    public static (string Pattern, double Strength) Classify(WindowAnalysis a, AgentOptions o)
    {
        double missingFraction = (double)a.MissingPoints / Math.Max(1, a.ExpectedPoints);
        if (a.PresentPoints == 0 || (a.MissingPoints >= 1 && missingFraction >= o.MissingFraction))
        {
            return (Patterns.MissingData, 3 + (10 * Math.Min(1, missingFraction)));
        }

        if (a.SeasonalR2 >= o.SeasonalR2 && a.SeasonalSigmas >= o.SeasonalSigmas)
        {
            return (Patterns.SeasonalityBreak, 1 + (2 * a.SeasonalSigmas));
        }

        bool persistent = a.PostAvailable
            && Math.Abs(a.ShiftSigmas) >= o.ShiftSigmas
            && Math.Abs(a.WindowShiftSigmas) >= 0.75 * o.ShiftSigmas
            && Math.Sign(a.ShiftSigmas) == Math.Sign(a.WindowShiftSigmas);
        if (persistent)
        {
            long rampMs = a.Change.RampEndMs - a.Change.RampStartMs;
            bool ramp = a.RampImprovement >= o.RampImprovement && rampMs >= o.RampMinPoints * a.StepMs;
            return (ramp ? Patterns.TrendChange : Patterns.LevelShift, 1.5 * Math.Abs(a.ShiftSigmas));
        }

        bool shortExcursion = Math.Min(a.PresentPoints, a.ExcursionPoints) <= o.SpikeMaxPoints;
        if (shortExcursion && Math.Abs(a.PeakZ) >= o.PeakSigmas && a.VarianceRatio < o.VarianceRatio)
        {
            return (a.PeakZ >= 0 ? Patterns.Spike : Patterns.Dip, Math.Abs(a.PeakZ));
        }

        if (a.VarianceRatio >= o.VarianceRatio)
        {
            return (Patterns.VarianceChange, 2.5 * a.VarianceRatio);
        }

        return (a.PeakZ >= 0 ? Patterns.Spike : Patterns.Dip, Math.Abs(a.PeakZ));
    }

    private static double VarianceRatio(ResidualSeries r, int ws, int we, long startMs, long endMs, AgentOptions o)
    {
        if (we - ws > o.SpikeMaxPoints)
        {
            return Robust.Sigma(r.Residuals.AsSpan(ws, we - ws)) / r.Sigma;
        }

        // why: a few points say nothing about noise; look at two hours on each side instead, without the window itself.
        var (a, b) = r.Range(startMs - (2 * HourMs), startMs - 1);
        var (c, d) = r.Range(endMs + 1, endMs + (2 * HourMs));
        var around = r.Residuals.AsSpan(a, b - a).ToArray().Concat(r.Residuals.AsSpan(c, d - c).ToArray()).ToArray();
        double s = Robust.Sigma(around);
        return double.IsNaN(s) ? 1 : s / r.Sigma;
    }

    private static (double R2, double Sigmas, double ShiftHours, double Coefficient) Seasonal(SeriesPoints points, ResidualSeries r, int ws, int we, long cutoffMs)
    {
        int n = we - ws;
        var y = new double[n];
        double ym = Robust.Mean(r.Residuals.AsSpan(ws, n));
        for (int i = 0; i < n; i++)
        {
            y[i] = r.Residuals[ws + i] - ym;
        }

        double sst = 0;
        foreach (double v in y)
        {
            sst += double.IsNaN(v) ? 0 : v * v;
        }

        (double R2, double Sigmas, double ShiftHours, double Coefficient) best = (0, 0, 0, 0);
        if (sst <= 0)
        {
            return best;
        }

        var m = new double[n];
        for (long shift = -SeasonalMaxShiftMs; shift <= SeasonalMaxShiftMs; shift += SeasonalShiftStepMs)
        {
            for (int i = 0; i < n; i++)
            {
                long t = r.TimestampsMs[ws + i];
                m[i] = shift == 0 ? r.Expected[ws + i] : SeasonalBaseline.Expected(points, t - shift, cutoffMs) - r.Expected[ws + i];
            }

            double mm = Robust.Mean(m);
            double sxy = 0, sxx = 0;
            for (int i = 0; i < n; i++)
            {
                if (double.IsNaN(y[i]) || double.IsNaN(m[i]))
                {
                    continue;
                }

                sxy += (m[i] - mm) * y[i];
                sxx += (m[i] - mm) * (m[i] - mm);
            }

            if (sxx <= 0)
            {
                continue;
            }

            double explained = sxy * sxy / sxx;
            double r2 = explained / sst;
            if (r2 > best.R2)
            {
                best = (r2, Math.Sqrt(explained / n) / r.Sigma, shift / (double)HourMs, sxy / sxx);
            }
        }

        return best;
    }

    private static (long From, long To, int Missing) LargestGap(SeriesPoints points, long fromMs, long toMs, long step)
    {
        int start = Math.Max(0, points.IndexAtOrAfter(fromMs) - 1);
        int end = Math.Min(points.Count - 1, points.IndexAtOrAfter(toMs));
        long bestDiff = 0, from = 0, to = 0;
        for (int i = start; i < end; i++)
        {
            long diff = points.TimestampsMs[i + 1] - points.TimestampsMs[i];
            if (diff > bestDiff)
            {
                bestDiff = diff;
                from = points.TimestampsMs[i] + step;
                to = points.TimestampsMs[i + 1] - step;
            }
        }

        int missing = bestDiff == 0 ? 0 : (int)Math.Max(0, (bestDiff / step) - 1);
        return (from, to, missing);
    }

    private static double DailyRange(ReadOnlySpan<double> expected)
    {
        double min = double.MaxValue, max = double.MinValue;
        foreach (double v in expected)
        {
            if (!double.IsNaN(v))
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        }

        return max >= min ? max - min : 0;
    }

    private static double Nz(double v) => double.IsNaN(v) ? 0 : v;
}
