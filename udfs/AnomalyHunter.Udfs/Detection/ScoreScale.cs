namespace AnomalyHunter.Udfs.Detection;

/// <summary>The one meaning of a score across passes: 10 points per decade of improbability, capped at 100.</summary>
/// <remarks>
/// A score s corresponds to a tail probability p = 10^(−s/10) under the series' own normal behaviour:
/// 30 means "one in a thousand", 50 "one in a hundred thousand", 100 "one in 10^10 or rarer".
/// </remarks>
public static class ScoreScale
{
    /// <summary>The largest score.</summary>
    public const double Max = 100.0;

    /// <summary>The default alert threshold: a point scoring at or above it is anomalous.</summary>
    public const double DefaultThreshold = 20.0;

    /// <summary>Converts a tail probability in (0, 1] to a score; p ≤ 0 gives <see cref="Max"/>, NaN gives 0.</summary>
    public static double FromTailProbability(double p)
    {
        if (double.IsNaN(p) || p >= 1.0)
        {
            return 0.0;
        }

        if (p <= 0.0)
        {
            return Max;
        }

        return Math.Min(Max, -10.0 * Math.Log10(p));
    }

    /// <summary>Default number of points a deviation score is corrected for: 20 then marks deviations rarer than once per 100,000 normal points, in every pass.</summary>
    public const double DefaultDeviationFamily = 1000.0;

    /// <summary>Corrects a per-point score for a family of <paramref name="family"/> points (Bonferroni: the tail probability times the family); NaN gives 0.</summary>
    public static double CorrectForFamily(double score, double family) => CorrectForPenalty(score, 10.0 * Math.Log10(family));

    /// <summary>As <see cref="CorrectForFamily"/>, given the family's penalty 10·log10(family) in score points already computed.</summary>
    public static double CorrectForPenalty(double score, double familyPenalty) =>
        double.IsNaN(score) ? 0.0 : Math.Clamp(score - familyPenalty, 0.0, Max);

    /// <summary>The tail probability a score stands for.</summary>
    public static double ToTailProbability(double score) => Math.Pow(10.0, -score / 10.0);

    /// <summary>Score of a two-sided standard normal deviate |z|; NaN gives 0.</summary>
    public static double FromTwoSidedZ(double z)
    {
        if (double.IsNaN(z))
        {
            return 0.0;
        }

        z = Math.Abs(z);
        if (z > 37.0)
        {
            return Max;
        }

        return FromTailProbability(NormalDistribution.Erfc(z / Math.Sqrt(2.0)));
    }
}
