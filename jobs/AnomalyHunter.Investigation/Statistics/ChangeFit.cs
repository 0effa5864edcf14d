namespace AnomalyHunter.Investigation.Statistics;

/// <summary>
/// Least-squares fits of a change in level: a step (level a before index τ, b from τ on) and a ramp (a before τ1, linear to
/// b at τ2, b after). Sums over prefix arrays make every candidate O(1); ramps are searched on a grid of at most
/// <see cref="GridPoints"/> positions. NaN residuals are dropped first.
/// </summary>
internal static class ChangeFit
{
    private const int GridPoints = 160;

    /// <summary>Fits both models to <paramref name="residuals"/> (times in <paramref name="timestampsMs"/>); ramps are at least <paramref name="minRampPoints"/> long.</summary>
    public static ChangeFitResult Fit(ReadOnlySpan<long> timestampsMs, ReadOnlySpan<double> residuals, int minRampPoints)
    {
        var ts = new List<long>(residuals.Length);
        var ys = new List<double>(residuals.Length);
        for (int i = 0; i < residuals.Length; i++)
        {
            if (!double.IsNaN(residuals[i]))
            {
                ts.Add(timestampsMs[i]);
                ys.Add(residuals[i]);
            }
        }

        int n = ys.Count;
        if (n < 4)
        {
            return ChangeFitResult.None;
        }

        // Prefix sums of 1, i, i², y, y·i, y².
        var p1 = new double[n + 1];
        var p2 = new double[n + 1];
        var py = new double[n + 1];
        var pyi = new double[n + 1];
        double syy = 0;
        for (int i = 0; i < n; i++)
        {
            p1[i + 1] = p1[i] + i;
            p2[i + 1] = p2[i] + ((double)i * i);
            py[i + 1] = py[i] + ys[i];
            pyi[i + 1] = pyi[i] + (ys[i] * i);
            syy += ys[i] * ys[i];
        }

        double total = py[n];
        double best = double.MaxValue;
        int bestStep = -1;
        for (int tau = 1; tau < n; tau++)
        {
            double sse = Sse(n, total, syy, tau, tau, p1, p2, py, pyi);
            if (sse < best)
            {
                best = sse;
                bestStep = tau;
            }
        }

        int stride = Math.Max(1, n / GridPoints);
        double bestRamp = double.MaxValue;
        int r1 = -1, r2 = -1;
        for (int a = 0; a < n - 1; a += stride)
        {
            for (int b = a + Math.Max(minRampPoints, 2); b <= n; b += stride)
            {
                double sse = Sse(n, total, syy, a, b, p1, p2, py, pyi);
                if (sse < bestRamp)
                {
                    bestRamp = sse;
                    r1 = a;
                    r2 = b;
                }
            }
        }

        double before = Robust.Mean(ys.GetRange(0, bestStep).ToArray());
        double after = Robust.Mean(ys.GetRange(bestStep, n - bestStep).ToArray());
        return new ChangeFitResult(
            ts[bestStep],
            best,
            r1 < 0 ? 0 : ts[r1],
            r2 < 0 ? 0 : ts[Math.Min(r2, n - 1)],
            r1 < 0 ? double.MaxValue : bestRamp,
            before,
            after,
            n);
    }

    // SSE of y ≈ α + β·g with g = 0 before a, (i − a)/(b − a) on [a, b), 1 from b on (a == b is a step at a).
    private static double Sse(int n, double sy, double syy, int a, int b, double[] p1, double[] p2, double[] py, double[] pyi)
    {
        double len = b - a;
        double sg = n - b;
        double sgg = n - b;
        double syg = py[n] - py[b];
        if (len > 0)
        {
            double cnt = b - a;
            double si = p1[b] - p1[a];
            double sii = p2[b] - p2[a];
            double s1 = si - (a * cnt);
            double s2 = sii - (2.0 * a * si) + ((double)a * a * cnt);
            sg += s1 / len;
            sgg += s2 / (len * len);
            syg += (pyi[b] - pyi[a] - (a * (py[b] - py[a]))) / len;
        }

        double varG = sgg - (sg * sg / n);
        double covYg = syg - (sy * sg / n);
        double ssTot = syy - (sy * sy / n);
        return varG <= 1e-12 ? ssTot : ssTot - (covYg * covYg / varG);
    }
}
