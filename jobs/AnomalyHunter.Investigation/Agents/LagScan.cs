using AnomalyHunter.Investigation.Context;
using AnomalyHunter.Investigation.Statistics;

namespace AnomalyHunter.Investigation.Agents;

/// <summary>
/// Where and how strongly a series moved around a candidate window: a matched filter. The seasonally adjusted deviations
/// (minus their mean over the two hours before) are prewhitened with the series' lag-1 autocorrelation ρ (w = z(t) − ρ·z(t−1)),
/// and so is a template of the candidate's window (a plateau of its length with half-height edges), slid over ±maxLag steps.
/// The placement with the largest |t| = Σw·u / (σw·√Σu²) is the onset; the level over that placement against the flanks
/// before and after it (unwhitened) is the size in sigmas, and the spread of that bracket over the placements of the two days
/// before tells how unusual it is for the series; how far |t| falls off toward the early end of the lag range tells whether
/// the onset is resolved at all.
/// Prewhitening keeps slowly wandering series (memory, queues) from looking like movers and sharpens the onset.
/// </summary>
internal static class LagScan
{
    private const long DayMs = SeasonalBaseline.DayMs;
    private const double UncertaintyScale = 2.0;
    private const int FlankBeforePoints = 12;
    // why: the scan reaches maxLag + edge + 1 points past the candidate's window, so a flank of 8 stays on the grid at nearly every placement.
    private const int FlankAfterPoints = 8;
    private const int NoiseStridePoints = 2;
    private const int MinNoisePlacements = 10;

    public static LagScanResult Scan(SeriesPoints points, long fromMs, long toMs, long startMs, long step, int plateau, int baseline, int maxLag, int edge)
    {
        long cutoff = startMs - (maxLag * step);
        int n = (int)((toMs - fromMs) / step) + 1;
        var z = Grid(SeasonalBaseline.Residuals(points, fromMs, toMs, cutoff, 2 * DayMs), fromMs, step, n);
        var history = SeasonalBaseline.Residuals(points, cutoff - (2 * DayMs), cutoff - 1, cutoff, 2 * DayMs);
        int origin = (int)((startMs - fromMs) / step);
        double offset = Robust.Mean(z.AsSpan(Math.Max(0, origin - maxLag - baseline), Math.Min(baseline, Math.Max(0, origin - maxLag))));
        offset = double.IsNaN(offset) ? 0 : offset;
        double rho = Math.Clamp(Autocorrelation(history, step), 0, 0.95);
        var w = new double[n];
        w[0] = double.NaN;
        for (int i = 1; i < n; i++)
        {
            w[i] = (z[i] - offset) - (rho * (z[i - 1] - offset));
        }

        double sigmaW = Robust.Sigma(w.AsSpan(Math.Max(1, origin - maxLag - baseline), Math.Max(1, Math.Min(baseline, origin - maxLag - 1))));
        if (double.IsNaN(sigmaW) || sigmaW <= 0)
        {
            sigmaW = Math.Sqrt(1 - (rho * rho));
        }

        var best = new LagScanResult(0, 0, 0, edge);
        var u = new double[plateau + 1];
        var scores = new double[(2 * maxLag) + 1];
        for (int lag = -maxLag; lag <= maxLag; lag++)
        {
            int a = origin + lag;
            double swu = 0, suu = 0;
            // Template T: 0.5 at the first and last point, 1 between; prewhitened u(j) = T(j) − ρ·T(j−1) over j = 0..plateau.
            for (int j = 0; j <= plateau; j++)
            {
                double tj = j == plateau ? 0 : (j == 0 || j == plateau - 1 ? 0.5 : 1.0);
                double tprev = j == 0 ? 0 : (j - 1 == 0 || j - 1 == plateau - 1 ? 0.5 : 1.0);
                u[j] = tj - (rho * tprev);
                int i = a + j;
                if (i < 1 || i >= n || double.IsNaN(w[i]))
                {
                    continue;
                }

                swu += w[i] * u[j];
                suu += u[j] * u[j];
            }

            if (suu <= 0)
            {
                continue;
            }

            double t = swu / (sigmaW * Math.Sqrt(suu));
            scores[lag + maxLag] = t;
            if (Math.Abs(t) > Math.Abs(best.T))
            {
                best = new LagScanResult(lag, t, lag, UncertaintyScale / Math.Max(0.5, Math.Abs(t)));
            }
        }

        // Sub-step onset: a parabola through |t| at the best placement and its neighbours.
        double onset = best.Lag;
        int b = best.Lag + maxLag;
        if (b > 0 && b < scores.Length - 1)
        {
            double l = Math.Abs(scores[b - 1]), c = Math.Abs(scores[b]), rr = Math.Abs(scores[b + 1]);
            double den = l - (2 * c) + rr;
            onset += den < 0 ? Math.Clamp(0.5 * (l - rr) / den, -0.5, 0.5) : 0;
        }

        // How much worse the earliest-fitting placement is: if the fit does not fall off toward -maxLag, the shift may have begun earlier.
        double lowest = best.T * best.T;
        for (int k = 0; k <= b; k++)
        {
            double same = Math.Max(0, Math.Sign(best.T) * scores[k]);
            lowest = Math.Min(lowest, same * same);
        }

        // The bracketed change: the level over the best placement against the flanks on either side, on the unwhitened deviations.
        int a0 = origin + best.Lag;
        double inside = FlankMean(z, a0, a0 + plateau);
        return best with
        {
            Onset = onset,
            OnsetUncertainty = Math.Min(edge, UncertaintyScale / Math.Max(0.5, Math.Abs(best.T)) * Math.Sqrt(plateau)),
            EarlyFalloff = (best.T * best.T) - lowest,
            Rise = Math.Sign(best.T) * (inside - FlankMean(z, a0 - FlankBeforePoints, a0)),
            Fall = Math.Sign(best.T) * (inside - FlankMean(z, a0 + plateau, a0 + plateau + FlankAfterPoints)),
            BracketNoise = BracketNoise(Grid(history, cutoff - (2 * DayMs), step, (int)(2 * DayMs / step)), plateau),
        };
    }

    // The residuals in sigmas on the grid of n steps from fromMs (NaN where the series has no point).
    private static double[] Grid(ResidualSeries r, long fromMs, long step, int n)
    {
        var z = new double[n];
        Array.Fill(z, double.NaN);
        for (int i = 0; i < r.Count; i++)
        {
            long k = (r.TimestampsMs[i] - fromMs) / step;
            if (k >= 0 && k < n)
            {
                z[k] = r.Z(i);
            }
        }

        return z;
    }

    // Robust spread of the two-sided bracket (window level minus the mean of both flanks) over the placements of the history; NaN when too few.
    private static double BracketNoise(double[] z, int plateau)
    {
        var brackets = new List<double>();
        for (int a = FlankBeforePoints; a + plateau + FlankAfterPoints <= z.Length; a += NoiseStridePoints)
        {
            double c = FlankMean(z, a, a + plateau) - ((FlankMean(z, a - FlankBeforePoints, a) + FlankMean(z, a + plateau, a + plateau + FlankAfterPoints)) / 2);
            if (!double.IsNaN(c))
            {
                brackets.Add(c);
            }
        }

        return brackets.Count < MinNoisePlacements ? double.NaN : Robust.Sigma(brackets.ToArray());
    }

    // Mean of z over [from, to) clipped to the grid; NaN when nothing is left.
    private static double FlankMean(double[] z, int from, int to)
    {
        int a = Math.Clamp(from, 0, z.Length), b = Math.Clamp(to, 0, z.Length);
        return Robust.Mean(z.AsSpan(a, b - a));
    }

    private static double Autocorrelation(ResidualSeries r, long step)
    {
        double m = Robust.Mean(r.Residuals), num = 0, den = 0;
        for (int i = 1; i < r.Count; i++)
        {
            if (r.TimestampsMs[i] - r.TimestampsMs[i - 1] != step || double.IsNaN(r.Residuals[i]) || double.IsNaN(r.Residuals[i - 1]))
            {
                continue;
            }

            num += (r.Residuals[i] - m) * (r.Residuals[i - 1] - m);
            den += (r.Residuals[i] - m) * (r.Residuals[i] - m);
        }

        return den <= 0 ? 0 : num / den;
    }
}
