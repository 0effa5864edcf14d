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
    // why: a day of context covers a whole daily cycle, which a ramp or a step cannot imitate once a line is taken out.
    private const long DayContextMinMs = 12 * HourMs;
    // why: a trend runs for a day or more before a window on it; a day and a half before the window holds its start.
    private const long DriftBeforeMs = 36 * HourMs;
    private const long DriftAfterMs = 12 * HourMs;
    // why: the injected and the real trends run over hours to days; a shorter ramp is a level shift's onset.
    private const long DriftMinMs = 6 * HourMs;
    // why: a window long after a ramp ended is not on it (the new level is the normal one by then).
    private const long DriftRecentMs = 6 * HourMs;
    private const double DayCoefficientMin = 0.5;
    private const double ShiftCoefficientMax = 1.5;

    public static WindowAnalysis Analyze(SeriesPoints points, long startMs, long endMs, AgentOptions o)
    {
        long step = points.StepMs();
        long last = points.Count == 0 ? endMs : Math.Max(points.TimestampsMs[^1], endMs);
        var r = SeasonalBaseline.Residuals(points, startMs - DriftBeforeMs, Math.Min(endMs + DayMs, last), startMs, 2 * DayMs);
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
        var seasonal = endMs - startMs >= SeasonalMinWindowMs ? DailyShapeFit.Fit(points, r, ws, we, startMs, detrend: false) : DailyShape.None;
        var (fs, fe) = r.Range(startMs - (12 * HourMs), endMs + (12 * HourMs));
        var change = ChangeFit.Fit(r.TimestampsMs.AsSpan(fs, fe - fs), r.Residuals.AsSpan(fs, fe - fs), o.RampMinPoints);
        double sigma2 = r.Sigma * r.Sigma;
        var day = AroundShape(points, r, startMs, endMs, last);
        var (drs, dre) = r.Range(startMs - DriftBeforeMs, Math.Min(last, endMs + DriftAfterMs));
        var drift = DriftFit.Fit(r, drs, dre, (int)Math.Max(o.RampMinPoints, DriftMinMs / step));
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
            Seasonal = seasonal,
            DaySeasonal = day,
            Drift = drift,
            Change = change,
            RampImprovement = change.StepSse == double.MaxValue || change.RampSse == double.MaxValue ? 0 : (change.StepSse - change.RampSse) / sigma2,
            DailyRange = dailyRange,
            BaselineLevel = Robust.Median(r.Values.AsSpan(ds, de - ds)),
            Pattern = Patterns.Spike,
        };
        var (pattern, strength, surroundings) = Classify(analysis, o);
        return analysis with { Pattern = pattern, Strength = strength, FromSurroundings = surroundings };
    }

    /// <summary>
    /// The decision list: missing data; a changed daily pattern in the window, then in the day around it; a persistent change (a
    /// ramp is a trend change, a step a level shift); a drift over the day and a half before the
    /// window that the window goes with (trend change); a short excursion (spike or dip by sign); raised noise (variance change);
    /// otherwise spike or dip by the peak's sign. <c>Surroundings</c> tells whether the day around the window named it.
    /// </summary>
    /// <remarks>
    /// A detected window is often a short piece of a longer change (a few points where a slow drift or a flattened day first
    /// crosses the threshold), which alone looks like a spike, a dip or raised noise; the surroundings are asked before those.
    /// </remarks>
    public static (string Pattern, double Strength, bool Surroundings) Classify(WindowAnalysis a, AgentOptions o)
    {
        double missingFraction = (double)a.MissingPoints / Math.Max(1, a.ExpectedPoints);
        if (a.PresentPoints == 0 || (a.MissingPoints >= 1 && missingFraction >= o.MissingFraction))
        {
            return (Patterns.MissingData, 3 + (10 * Math.Min(1, missingFraction)), false);
        }

        if (a.Seasonal.R2 >= o.SeasonalR2 && a.Seasonal.Sigmas >= o.SeasonalSigmas)
        {
            return (Patterns.SeasonalityBreak, 1 + (2 * a.Seasonal.Sigmas), false);
        }

        // why: a piece of a changed day also looks like a level change (the residual follows the day's shape for hours).
        if (a.DaySeasonal.R2 >= o.DaySeasonalR2 && a.DaySeasonal.Sigmas >= o.DaySeasonalSigmas)
        {
            return (Patterns.SeasonalityBreak, 1 + (2 * a.DaySeasonal.Sigmas), true);
        }

        bool persistent = a.PostAvailable
            && Math.Abs(a.ShiftSigmas) >= o.ShiftSigmas
            && Math.Abs(a.WindowShiftSigmas) >= 0.75 * o.ShiftSigmas
            && Math.Sign(a.ShiftSigmas) == Math.Sign(a.WindowShiftSigmas);
        if (persistent)
        {
            long rampMs = a.Change.RampEndMs - a.Change.RampStartMs;
            bool ramp = a.RampImprovement >= o.RampImprovement && rampMs >= o.RampMinPoints * a.StepMs;
            return (ramp ? Patterns.TrendChange : Patterns.LevelShift, 1.5 * Math.Abs(a.ShiftSigmas), false);
        }

        // why: a window on a slow drift is a piece of it (a short excursion or a small step); the drift shows in the day before.
        bool drifting = a.Drift.Improvement >= o.RampImprovement
            && Math.Abs(a.Drift.Sigmas) >= o.ShiftSigmas
            && a.Drift.EndMs - a.Drift.StartMs >= DriftMinMs
            && a.StartMs >= a.Drift.StartMs
            && a.StartMs <= a.Drift.EndMs + DriftRecentMs
            && Math.Sign(a.PeakZ) == Math.Sign(a.Drift.Sigmas);
        if (drifting)
        {
            return (Patterns.TrendChange, 1.5 * Math.Abs(a.Drift.Sigmas), true);
        }

        bool shortExcursion = Math.Min(a.PresentPoints, a.ExcursionPoints) <= o.SpikeMaxPoints;
        if (shortExcursion && Math.Abs(a.PeakZ) >= o.PeakSigmas && a.VarianceRatio < o.VarianceRatio)
        {
            return (a.PeakZ >= 0 ? Patterns.Spike : Patterns.Dip, Math.Abs(a.PeakZ), false);
        }

        if (a.VarianceRatio >= o.VarianceRatio)
        {
            return (Patterns.VarianceChange, 2.5 * a.VarianceRatio, false);
        }

        return (a.PeakZ >= 0 ? Patterns.Spike : Patterns.Dip, Math.Abs(a.PeakZ), false);
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

    /// <summary>
    /// The changed daily pattern around the window: the better of the day up to its end and the day from its start (as far as
    /// there are data), each needing half a day of points; a fit whose coefficient is implausibly small (or, for a moved pattern,
    /// large) counts for nothing.
    /// </summary>
    private static DailyShape AroundShape(SeriesPoints points, ResidualSeries r, long startMs, long endMs, long lastMs)
    {
        var best = DailyShape.None;
        foreach (var (from, to) in new[] { (endMs - DayMs, endMs), (startMs, Math.Min(lastMs, startMs + DayMs)) })
        {
            var (s, e) = r.Range(from, to);
            if (e - s < 2 || r.TimestampsMs[e - 1] - r.TimestampsMs[s] < DayContextMinMs)
            {
                continue;
            }

            var fit = DailyShapeFit.Fit(points, r, s, e, startMs, detrend: true);
            bool plausible = fit.ShiftHours == 0
                ? Math.Abs(fit.Coefficient) >= DayCoefficientMin
                : fit.Coefficient >= DayCoefficientMin && fit.Coefficient <= ShiftCoefficientMax;
            if (plausible && fit.R2 > best.R2)
            {
                best = fit;
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
