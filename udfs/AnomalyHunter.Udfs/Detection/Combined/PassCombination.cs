namespace AnomalyHunter.Udfs.Detection.Combined;

/// <summary>
/// How the scores of several passes become one score with the same meaning: each pass's deviation score is a tail
/// probability on the <see cref="ScoreScale"/>, and the combined deviation is the Bonferroni bound of the smallest one,
/// max(0, best − 10·log10(passes)). The combined alert is the strongest alert of the passes chosen to alert.
/// </summary>
public static class PassCombination
{
    /// <summary>Score points subtracted from the best pass for <paramref name="passes"/> passes.</summary>
    public static double Penalty(int passes) => passes <= 1 ? 0.0 : 10.0 * Math.Log10(passes);

    /// <summary>The combined deviation of one point's pass scores (NaN counts as 0).</summary>
    public static double Deviation(ReadOnlySpan<double> passScores, double penalty)
    {
        double best = 0.0;
        foreach (double s in passScores)
        {
            if (s > best)
            {
                best = s;
            }
        }

        return Math.Max(0.0, best - penalty);
    }
}
