using AnomalyHunter.Udfs.Detection;

namespace AnomalyHunter.Udfs.Forecast;

/// <summary>The calibration of forecast residuals' tail: nominal normal surprise mapped to the history's own tail probability.</summary>
/// <remarks>
/// With s the nominal surprise (−log10 of the two-sided normal tail of the standardised error) and s0 the base, the
/// model is P(S &gt; s) = π·exp(−(s − s0)/β) above s0 (π the share of residuals above s0, β their mean excess in
/// decades), and log-linear from 1 at s = 0 to π at s0. Both are estimated from the fitted history's residuals with a
/// prior of <see cref="ForecastOptions.TailPrior"/> Gaussian pseudo-points (π0 = 10^−s0, β0 = 1/ln 10), so Gaussian
/// residuals keep the nominal probabilities and heavier tails score lower. NaN surprise gives 0.
/// </remarks>
internal readonly record struct ResidualTail
{
    private const double NominalMeanExcess = 0.43429448190325176;

    // why: −log10 of the share, which every calibration needs; taken once per fit instead of once per point.
    private readonly double _atBase;

    /// <summary>The tail above base <paramref name="base"/> (decades) holding share <paramref name="share"/> of the residuals, with mean excess <paramref name="meanExcess"/> (decades).</summary>
    public ResidualTail(double @base, double share, double meanExcess)
    {
        Base = @base;
        Share = share;
        MeanExcess = meanExcess;
        _atBase = -Math.Log10(share);
    }

    /// <summary>The base surprise s0, in decades.</summary>
    public double Base { get; }

    /// <summary>The share π of residuals whose surprise exceeds the base.</summary>
    public double Share { get; }

    /// <summary>The mean excess β of those surprises over the base, in decades.</summary>
    public double MeanExcess { get; }

    /// <summary>The nominal (Gaussian) calibration.</summary>
    public static ResidualTail Nominal(double baseDecades) => new(baseDecades, Math.Pow(10.0, -baseDecades), NominalMeanExcess);

    /// <summary>Estimates the tail from standardised residuals (already divided by the residual scale).</summary>
    public static ResidualTail Fit(ReadOnlySpan<double> standardised, ForecastOptions o) => FitTail(standardised, standardised.Length, o);

    /// <summary>
    /// As <see cref="Fit"/> for residuals sorted in ascending order, for residuals in any order: the residuals in the
    /// tail are moved to the front of <paramref name="standardised"/> (which is reordered) and sorted, so the excesses
    /// are summed in the same order and the result is bit-identical, without sorting the whole history.
    /// </summary>
    public static ResidualTail FitUnordered(Span<double> standardised, ForecastOptions o)
    {
        int inTail = 0;
        double bound = SurelyBelowBase(o.TailBase);
        for (int i = 0; i < standardised.Length; i++)
        {
            if (Math.Abs(standardised[i]) > bound && NormalDistribution.TwoSidedSurprise(standardised[i]) > o.TailBase)
            {
                (standardised[inTail], standardised[i]) = (standardised[i], standardised[inTail]);
                inTail++;
            }
        }

        Span<double> tail = standardised[..inTail];
        tail.Sort();
        return FitTail(tail, standardised.Length, o);
    }

    /// <summary>The tail estimated from <paramref name="count"/> residuals, of which <paramref name="ordered"/> holds (at least) those in the tail, in ascending order.</summary>
    private static ResidualTail FitTail(ReadOnlySpan<double> ordered, int count, ForecastOptions o)
    {
        double s0 = o.TailBase;
        double priorOver = o.TailPrior * Math.Pow(10.0, -s0);
        double over = priorOver;
        double excess = priorOver * NominalMeanExcess;
        double bound = SurelyBelowBase(s0);
        foreach (double u in ordered)
        {
            if (Math.Abs(u) <= bound)
            {
                continue;
            }

            double s = NormalDistribution.TwoSidedSurprise(u);
            if (s > s0)
            {
                over += 1.0;
                excess += Math.Min(s - s0, o.TailExcessClip);
            }
        }

        double total = o.TailPrior + count;
        return over <= 0.0 || total <= 0.0 ? Nominal(s0) : new ResidualTail(s0, over / total, excess / over);
    }

    /// <summary>A |u| at or below which the nominal surprise of u is surely at most <paramref name="s0"/> (0.5 to 5 decades), so its surprise need not be taken.</summary>
    /// <remarks>
    /// The surprise is −log10 of an erfc approximation within 1.2e-7 (relative) of the exact, strictly monotone erfc, so it
    /// is within 1e-7 decades of a function that rises with |u|. The bound is found by bisection on the approximation
    /// itself to lie where it is a thousandth of a decade below s0: no |u| below the bound can come near s0.
    /// </remarks>
    internal static double SurelyBelowBase(double s0)
    {
        const double Margin = 1e-3;
        double lo = 0.0;
        double hi = 8.0;
        for (int i = 0; i < 50; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (NormalDistribution.TwoSidedSurprise(mid) <= s0 - Margin)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>Calibrated surprise in decades (−log10 of the calibrated tail probability) of a nominal surprise <paramref name="s"/>.</summary>
    public double Calibrate(double s)
    {
        if (!(s > 0.0))
        {
            return 0.0;
        }

        return s <= Base ? s * _atBase / Base : _atBase + ((s - Base) * NominalMeanExcess / MeanExcess);
    }

    /// <summary>The 0–100 score of a standardised error <paramref name="z"/>.</summary>
    public double Score(double z) => ScoreOfSurprise(NormalDistribution.TwoSidedSurprise(z));

    /// <summary>The 0–100 score of a nominal surprise <paramref name="s"/> (decades of two-sided normal improbability; NaN gives 0).</summary>
    public double ScoreOfSurprise(double s) => double.IsNaN(s) ? 0.0 : Math.Min(ScoreScale.Max, 10.0 * Calibrate(s));
}
