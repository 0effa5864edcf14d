namespace AnomalyHunter.Udfs.Detection.Combined;

/// <summary>
/// How the per-point scores of several passes become one deviation score with one meaning. Each pass gives each point
/// its own tail probability on the <see cref="ScoreScale"/>; with r1 ≥ r2 the two strongest, the combined deviation is
/// max(0, min(r1 − F − P, r2 − F + M)): F = 10·log10(family) corrects for the many points watched (so the threshold
/// marks deviations rarer than once per 100 × family points), P = 10·log10(passes) for the passes (Bonferroni), and
/// the agreement margin M caps a pass that no other pass supports, because the passes model normal behaviour
/// differently (a pass without seasonality is surprised by every daily peak). With M = F, the second pass must reach
/// the threshold on its own per-point scale; with M infinite the best pass counts alone. A single pass is r1 − F.
/// </summary>
public static class PassCombination
{
    /// <summary>Default agreement margin, in score points (with the default family, a second pass must score 20 on its own per-point scale, p = 0.01).</summary>
    /// <remarks>Measured on synthetic data of three seeds, a margin of 20 (p = 0.001) lost 3 to 4 of 44 labels on two of them for a few false windows fewer.</remarks>
    public const double DefaultAgreementMargin = 30.0;

    /// <summary>Default agreement span, in points: another pass may agree on the current point or the eleven before it (an hour of 5-minute data).</summary>
    /// <remarks>Measured on synthetic data of seeds 42, 7 and 1234 with the settling period: 6 → 12 points found 2 more level shifts on seed 42 (the statistical pass's shifted median and sustained-change evidence come up to an hour after the forecast error at the onset), precision 0.52, 0.50, 0.52 → 0.53, 0.50, 0.49; 9 points found one of them.</remarks>
    public const int DefaultAgreementSpan = 12;

    /// <summary>Default learning period: one day, so a daily pattern has been seen once in full before two passes' surprise is enough.</summary>
    public static readonly TimeSpan DefaultLearningPeriod = TimeSpan.FromDays(1);

    /// <summary>Default learning margin, in score points: in the learning period every pass must find a point rare among ten times as many points (p = 10^−6 per point at the default family and threshold), because every pass is naive on a series' first day.</summary>
    /// <remarks>Measured on synthetic data of seeds 42, 7, 1234, 11 and 99 (pooled): 0 → 10 gave 405 → 395 windows with the same 135 labels found; 20 gave 383 but lost three of the ten windows of the anomaly-hunter-demo files, which all lie in a file's first day (15 kept them).</remarks>
    public const double DefaultLearningMargin = 10.0;

    /// <summary>Default settling period: a series' first week, in which the passes have not yet seen its weekly pattern nor filled their tails, so a second pass must agree more firmly (see <see cref="DefaultSettlingMargin"/>).</summary>
    public static readonly TimeSpan DefaultSettlingPeriod = TimeSpan.FromDays(7);

    /// <summary>Default agreement margin in the settling period, in score points (with the default family, a second pass must score 45 on its own per-point scale).</summary>
    /// <remarks>Measured on synthetic data of seeds 42, 7 and 1234: precision 0.44, 0.45 and 0.47 → 0.52, 0.50 and 0.52 at the same recall (no label falls in a series' first week there); a margin of 10 throughout lost labels. 10 → 5: precision 0.53, 0.50, 0.49 → 0.55, 0.51, 0.50 at the same labels found.</remarks>
    public const double DefaultSettlingMargin = 5.0;

    /// <summary>Score points subtracted from the best pass for <paramref name="passes"/> passes.</summary>
    public static double Penalty(int passes) => passes <= 1 ? 0.0 : 10.0 * Math.Log10(passes);

    /// <summary>Score points subtracted for a family of <paramref name="family"/> points.</summary>
    public static double FamilyPenalty(double family) => 10.0 * Math.Log10(family);

    /// <summary>The combined deviation of one point's per-point pass scores (NaN counts as 0).</summary>
    public static double Deviation(ReadOnlySpan<double> passScores, double penalty, double familyPenalty = 0.0, double agreementMargin = double.PositiveInfinity)
    {
        double best = 0.0;
        double second = 0.0;
        foreach (double s in passScores)
        {
            if (s > best)
            {
                second = best;
                best = s;
            }
            else if (s > second)
            {
                second = s;
            }
        }

        double combined = best - familyPenalty - penalty;
        if (passScores.Length > 1)
        {
            combined = Math.Min(combined, second - familyPenalty + agreementMargin);
        }

        return Math.Clamp(combined, 0.0, ScoreScale.Max);
    }

    /// <summary>
    /// Like <see cref="Deviation(ReadOnlySpan{double}, double, double, double)"/>, but the agreeing pass may have seen
    /// the deviation on any of the last few points: <paramref name="recent"/> holds each pass's highest score over them
    /// (the current point included), because passes see one incident at different moments (a forecast error at the
    /// onset, a shift of the median a few points later). The strongest pass is taken at the current point.
    /// </summary>
    public static double Deviation(ReadOnlySpan<double> current, ReadOnlySpan<double> recent, double penalty, double familyPenalty, double agreementMargin)
    {
        int bestAt = -1;
        double best = 0.0;
        for (int p = 0; p < current.Length; p++)
        {
            if (current[p] > best)
            {
                best = current[p];
                bestAt = p;
            }
        }

        double second = 0.0;
        for (int p = 0; p < recent.Length; p++)
        {
            if (p != bestAt && recent[p] > second)
            {
                second = recent[p];
            }
        }

        double combined = best - familyPenalty - penalty;
        if (current.Length > 1)
        {
            combined = Math.Min(combined, second - familyPenalty + agreementMargin);
        }

        return Math.Clamp(combined, 0.0, ScoreScale.Max);
    }

    /// <summary>
    /// The combined deviation of a point in a series' learning period (its first points, see
    /// <see cref="DefaultLearningPeriod"/>): <paramref name="deviation"/>, but no more than the weakest pass's recent score
    /// corrected for the family, so every pass must find the point rare among the many points watched. A young series'
    /// passes have not yet seen its daily pattern, and each one's first morning looks like a shift to some of them.
    /// </summary>
    public static double Learning(double deviation, ReadOnlySpan<double> recent, double familyPenalty)
    {
        double weakest = double.PositiveInfinity;
        foreach (double s in recent)
        {
            weakest = Math.Min(weakest, double.IsNaN(s) ? 0.0 : s);
        }

        return Math.Clamp(Math.Min(deviation, weakest - familyPenalty), 0.0, ScoreScale.Max);
    }
}
