namespace AnomalyHunter.Quality.Nab;

/// <summary>The scorer's reference detector: |x − mean| / std over the previous 100 rows, scored z/(z+5).</summary>
public static class TrailingZScore
{
    /// <summary>Rows of history used.</summary>
    public const int Window = 100;

    private const double ScoreHalfPoint = 5.0;
    private const double ZeroStdDeviation = 10.0;

    /// <summary>One score in [0, 1) per row; 0 while fewer than <see cref="Window"/> rows precede.</summary>
    public static double[] Compute(ReadOnlySpan<double> values)
    {
        var scores = new double[values.Length];
        for (int i = Window; i < values.Length; i++)
        {
            ReadOnlySpan<double> past = values.Slice(i - Window, Window);
            double mean = 0.0;
            foreach (double v in past)
            {
                mean += v;
            }

            mean /= Window;
            double ss = 0.0;
            foreach (double v in past)
            {
                ss += (v - mean) * (v - mean);
            }

            double std = Math.Sqrt(ss / Window);
            double z = std > 0.0 ? Math.Abs(values[i] - mean) / std : (values[i] == mean ? 0.0 : ZeroStdDeviation);
            scores[i] = z / (z + ScoreHalfPoint);
        }

        return scores;
    }
}
