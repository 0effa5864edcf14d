using AnomalyHunter.Investigation.Statistics;

namespace AnomalyHunter.Investigation.Agents;

/// <summary>
/// The drift of the residuals over a span: the best ramp (level before, straight line, level after) of
/// <see cref="ChangeFit"/>, its height, and how much better it fits than the best step.
/// </summary>
internal static class DriftFit
{
    /// <summary>
    /// Fits residual indexes [<paramref name="fs"/>, <paramref name="fe"/>) of <paramref name="r"/> with ramps at least
    /// <paramref name="minRampPoints"/> long; <see cref="Drift.None"/> when either model could not be fitted.
    /// </summary>
    public static Drift Fit(ResidualSeries r, int fs, int fe, int minRampPoints)
    {
        var ts = r.TimestampsMs.AsSpan(fs, fe - fs);
        var ys = r.Residuals.AsSpan(fs, fe - fs);
        var change = ChangeFit.Fit(ts, ys, minRampPoints);
        if (change.Points == 0 || change.StepSse == double.MaxValue || change.RampSse == double.MaxValue || change.RampEndMs <= change.RampStartMs)
        {
            return Drift.None;
        }

        // why: ChangeFit reports the ramp's place, not its height; the height is the least-squares coefficient of the ramp's shape.
        double sg = 0, sy = 0, sgg = 0, sgy = 0;
        int n = 0;
        for (int i = 0; i < ys.Length; i++)
        {
            if (double.IsNaN(ys[i]))
            {
                continue;
            }

            double g = Math.Clamp((ts[i] - change.RampStartMs) / (double)(change.RampEndMs - change.RampStartMs), 0, 1);
            sg += g;
            sy += ys[i];
            sgg += g * g;
            sgy += g * ys[i];
            n++;
        }

        double varG = sgg - (sg * sg / n);
        double height = varG > 1e-12 ? (sgy - (sg * sy / n)) / varG : 0;
        return new Drift(height / r.Sigma, (change.StepSse - change.RampSse) / (r.Sigma * r.Sigma), change.RampStartMs, change.RampEndMs);
    }
}
