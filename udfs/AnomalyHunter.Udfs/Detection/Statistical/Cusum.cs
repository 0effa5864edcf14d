using AnomalyHunter.Udfs.Detection.Ensemble;

namespace AnomalyHunter.Udfs.Detection.Statistical;

/// <summary>A two-sided CUSUM over standardised residuals whose statistic is read as a calibrated tail probability.</summary>
/// <remarks>
/// S⁺ = max(0, S⁺ + z − k) and S⁻ = max(0, S⁻ − z − k). For independent standard normal z the statistic's stationary
/// tail is P(S ≥ s) ≈ exp(−2k(s + 0.583)) on each side (Siegmund's corrected diffusion approximation), so a point's
/// statistic max(S⁺, S⁻) has the two-sided tail probability 2·exp(−2k(s + 0.583)): white noise scores at least q on
/// the <see cref="ScoreScale"/> on a share 10^(−q/10) of its points. The statistic is capped where its score reaches
/// <see cref="ScoreScale.Max"/>, so after an incident ends it falls back to rest within cap/k points.
/// NaN residuals are skipped (the statistic stays as it is).
/// </remarks>
internal sealed class Cusum
{
    // why: the overshoot correction of a normal random walk, 0.583 = −ζ(1/2)/√(2π), shifts the diffusion tail to the discrete one.
    private const double Overshoot = 0.583;

    // why: the allowance k, in standard deviations (half the shift the CUSUM is tuned to).
    private readonly double _k;
    private readonly double _cap;
    private double _up;
    private double _down;

    public Cusum(double allowance)
    {
        _k = allowance;
        _cap = StatisticAt(-ScoreScale.Max / 10.0, allowance);
    }

    /// <summary>The current statistic, max(S⁺, S⁻).</summary>
    public double Statistic => Math.Max(_up, _down);

    /// <summary>log10 of the two-sided tail probability of the current statistic (0 at rest).</summary>
    public double Log10P => Log10Tail(Statistic, _k);

    /// <summary>Adds standardised residual <paramref name="z"/> and returns log10 of the two-sided tail probability of the new statistic (0 at rest).</summary>
    public double Next(double z)
    {
        if (!double.IsNaN(z))
        {
            _up = Math.Min(_cap, Math.Max(0.0, _up + z - _k));
            _down = Math.Min(_cap, Math.Max(0.0, _down - z - _k));
        }

        return Log10P;
    }

    /// <summary>Sets the statistic back to rest.</summary>
    public void Reset()
    {
        _up = 0.0;
        _down = 0.0;
    }

    /// <summary>log10 of the two-sided stationary tail probability of statistic <paramref name="s"/> for allowance <paramref name="k"/>; 0 at rest, never above 0.</summary>
    public static double Log10Tail(double s, double k)
        => s <= 0.0 ? 0.0 : Math.Min(0.0, Math.Log10(2.0) - (2.0 * k * (s + Overshoot) / Math.Log(10.0)));

    /// <summary>The statistic whose two-sided tail probability is 10^<paramref name="log10P"/>.</summary>
    public static double StatisticAt(double log10P, double k)
        => Math.Max(0.0, ((Math.Log10(2.0) - log10P) * Math.Log(10.0) / (2.0 * k)) - Overshoot);

    public void Write(ref StateWriter w)
    {
        w.Write(_up);
        w.Write(_down);
    }

    public void Read(ref StateReader r)
    {
        _up = r.ReadDouble();
        _down = r.ReadDouble();
        if (!(_up >= 0.0 && _up <= _cap && _down >= 0.0 && _down <= _cap))
        {
            throw new InvalidDataException("The saved CUSUM state is inconsistent.");
        }
    }
}
