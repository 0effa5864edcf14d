using AnomalyHunter.Udfs.Detection;

namespace AnomalyHunter.Udfs.Forecast;

/// <summary>The tail of the scores a series has been given, above a base score: how many exceeded it and by how much in all.</summary>
/// <remarks>
/// Scores on the <see cref="ScoreScale"/> that mean what they claim exceed a base b with a mean excess of 10 / ln 10
/// points (10 points per decade). When a series' own scores exceed it by more on average (mean excess β), scores
/// above the base are scaled down to b + (s − b) · max(m, min(1, (10 / ln 10) / β)), m the least slope; the estimate starts from a prior of
/// pseudo-exceedances at the nominal slope and never raises a score. Each score is corrected with the tail of the
/// scores before it (causal), then added to it.
/// </remarks>
internal struct ScoreTail(double over, double excess)
{
    private const double NominalMeanExcess = 4.3429448190325176;

    /// <summary>Exceedances of the base counted so far, prior included.</summary>
    public double Over { get; private set; } = over;

    /// <summary>Their summed excess over the base, in score points.</summary>
    public double Excess { get; private set; } = excess;

    /// <summary>The tail with <paramref name="prior"/> pseudo-exceedances at the nominal slope.</summary>
    public static ScoreTail Prior(double prior) => new(prior, prior * NominalMeanExcess);

    /// <summary>Corrects <paramref name="score"/> with the tail so far (keeping at least <paramref name="minSlope"/> of its excess), then counts it; NaN and scores at or below <paramref name="baseScore"/> pass unchanged.</summary>
    public double CalibrateAndAdd(double score, double baseScore, double minSlope)
    {
        if (!(score > baseScore))
        {
            return score;
        }

        double slope = Math.Max(minSlope, Math.Min(1.0, NominalMeanExcess * Over / Excess));
        Over += 1.0;
        Excess += score - baseScore;
        return baseScore + ((score - baseScore) * slope);
    }
}
