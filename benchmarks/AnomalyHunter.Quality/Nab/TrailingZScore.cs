namespace AnomalyHunter.Quality.Nab;

/// <summary>The scorer's reference detector: |x − mean| / std over the previous 100 rows, scored z/(z+5).</summary>
/// <remarks>
/// The published reference point (29.02 / 11.27 / 38.85) was computed with running sums: the window's sum and
/// sum of squares are updated by adding the new row and subtracting the oldest, and the variance is
/// E[x²] − E[x]² (std 0 when that is not positive). The rounding of that formula matters: on flat stretches it
/// leaves a tiny positive variance where the exact one is 0, so a jump out of a flat stretch scores near 1.
/// A two-pass mean/variance scores 29.77 / 12.77 / 39.35 instead.
/// </remarks>
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
        double sum = 0.0;
        double sumSquares = 0.0;
        for (int i = 0; i < values.Length; i++)
        {
            double x = values[i];
            if (i >= Window)
            {
                double mean = sum / Window;
                double variance = (sumSquares / Window) - (mean * mean);
                double std = variance > 0.0 ? Math.Sqrt(variance) : 0.0;
                double z = std > 0.0 ? Math.Abs(x - mean) / std : (x == mean ? 0.0 : ZeroStdDeviation);
                scores[i] = z / (z + ScoreHalfPoint);
            }

            // why: the order (add the new row, then drop the oldest) is part of the reference's rounding.
            sum += x;
            sumSquares += x * x;
            if (i >= Window)
            {
                double old = values[i - Window];
                sum -= old;
                sumSquares -= old * old;
            }
        }

        return scores;
    }
}
