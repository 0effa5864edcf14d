namespace AnomalyHunter.Quality.Nab;

/// <summary>NAB v1.1 scoring: probation, scaled-sigmoid row weights, one corpus-wide threshold per profile, normalisation.</summary>
public static class NabScorer
{
    private const double SigmoidSteepness = 5.0;
    private const double SigmoidCutoff = 3.0;

    /// <summary>NAB's scaled sigmoid: 2/(1+e^(5x)) − 1, and −1 beyond x = 3.</summary>
    public static double ScaledSigmoid(double x) => x > SigmoidCutoff ? -1.0 : (2.0 / (1.0 + Math.Exp(SigmoidSteepness * x))) - 1.0;

    /// <summary>The weighted value of a detection at each row of <paramref name="series"/>, and the window it falls in (−1 outside).</summary>
    public static (double[] Values, int[] WindowOf) RowValues(NabSeries series, NabProfile profile)
    {
        int n = series.Values.Length;
        var values = new double[n];
        var windowOf = new int[n];
        Array.Fill(windowOf, -1);
        double maxTp = ScaledSigmoid(-1.0);
        int prevEnd = -1;
        int prevWidth = 0;
        int w = 0;
        for (int i = 0; i < n; i++)
        {
            if (w < series.Windows.Length && i >= series.Windows[w].Start && i <= series.Windows[w].End)
            {
                NabWindow win = series.Windows[w];
                double position = -(win.End - i + 1) / (double)win.Width;
                values[i] = ScaledSigmoid(position) * profile.TpWeight / maxTp;
                windowOf[i] = w;
                if (i == win.End)
                {
                    prevEnd = win.End;
                    prevWidth = win.Width;
                    w++;
                }

                continue;
            }

            if (prevEnd < 0)
            {
                values[i] = -profile.FpWeight;
            }
            else
            {
                // why: NAB divides by (width − 1); a one-row window would divide by zero, so treat it as far away.
                double position = prevWidth > 1 ? Math.Abs(i - prevEnd) / (double)(prevWidth - 1) : double.PositiveInfinity;
                values[i] = ScaledSigmoid(position) * profile.FpWeight;
            }
        }

        return (values, windowOf);
    }

    /// <summary>Scores a corpus under <paramref name="profile"/>, choosing the threshold (among all distinct scores) that maximises the raw score.</summary>
    public static NabResult Score(IReadOnlyList<NabScoredSeries> corpus, NabProfile profile)
    {
        var rows = new List<(double Score, int Window, double Value)>();
        int totalWindows = 0;
        foreach (NabScoredSeries scored in corpus)
        {
            NabSeries s = scored.Series;
            if (scored.Scores.Length != s.Values.Length)
            {
                throw new ArgumentException($"Series {s.Name} has {s.Values.Length} rows but {scored.Scores.Length} scores.", nameof(corpus));
            }

            (double[] values, int[] windowOf) = RowValues(s, profile);
            for (int i = s.ProbationLength; i < values.Length; i++)
            {
                double score = scored.Scores[i];
                if (double.IsNaN(score))
                {
                    continue;
                }

                rows.Add((score, windowOf[i] < 0 ? -1 : totalWindows + windowOf[i], values[i]));
            }

            totalWindows += s.Windows.Length;
        }

        rows.Sort((a, b) => b.Score.CompareTo(a.Score));
        double nullScore = -profile.FnWeight * totalWindows;
        var best = new double[totalWindows];
        var seen = new bool[totalWindows];
        double raw = nullScore;
        double bestRaw = nullScore;
        double bestThreshold = double.PositiveInfinity;
        for (int k = 0; k < rows.Count; k++)
        {
            (double score, int window, double value) = rows[k];
            if (window < 0)
            {
                raw += value;
            }
            else if (!seen[window])
            {
                seen[window] = true;
                best[window] = value;
                raw += profile.FnWeight + value;
            }
            else if (value > best[window])
            {
                raw += value - best[window];
                best[window] = value;
            }

            bool lastOfGroup = k == rows.Count - 1 || rows[k + 1].Score != score;
            if (lastOfGroup && raw > bestRaw)
            {
                bestRaw = raw;
                bestThreshold = score;
            }
        }

        return Evaluate(corpus, profile, bestThreshold);
    }

    /// <summary>Scores a corpus under <paramref name="profile"/> at a fixed threshold (a row is a detection when its score ≥ threshold).</summary>
    public static NabResult Evaluate(IReadOnlyList<NabScoredSeries> corpus, NabProfile profile, double threshold)
    {
        var categories = new SortedDictionary<string, (int Files, int Windows, int Detected, int Fp, double Raw)>(StringComparer.Ordinal);
        double total = 0.0;
        int windows = 0;
        int detected = 0;
        int falsePositives = 0;
        foreach (NabScoredSeries scored in corpus)
        {
            NabSeries s = scored.Series;
            (double[] values, int[] windowOf) = RowValues(s, profile);
            var best = new double[s.Windows.Length];
            var seen = new bool[s.Windows.Length];
            double raw = 0.0;
            int fp = 0;
            for (int i = s.ProbationLength; i < values.Length; i++)
            {
                if (!(scored.Scores[i] >= threshold))
                {
                    continue;
                }

                int w = windowOf[i];
                if (w < 0)
                {
                    raw += values[i];
                    fp++;
                }
                else if (!seen[w] || values[i] > best[w])
                {
                    seen[w] = true;
                    best[w] = values[i];
                }
            }

            int hits = 0;
            for (int w = 0; w < s.Windows.Length; w++)
            {
                raw += seen[w] ? best[w] : -profile.FnWeight;
                hits += seen[w] ? 1 : 0;
            }

            categories.TryGetValue(s.Category, out var c);
            categories[s.Category] = (c.Files + 1, c.Windows + s.Windows.Length, c.Detected + hits, c.Fp + fp, c.Raw + raw);
            total += raw;
            windows += s.Windows.Length;
            detected += hits;
            falsePositives += fp;
        }

        var perCategory = categories
            .Select(kv => new NabCategoryResult(kv.Key, kv.Value.Files, kv.Value.Windows, kv.Value.Detected, kv.Value.Fp, kv.Value.Raw, Normalize(kv.Value.Raw, kv.Value.Windows, profile)))
            .ToList();
        return new NabResult(profile, threshold, total, Normalize(total, windows, profile), windows, detected, falsePositives, perCategory);
    }

    /// <summary>100·(raw − null)/(perfect − null); NaN when there are no windows.</summary>
    public static double Normalize(double raw, int windows, NabProfile profile)
    {
        if (windows == 0)
        {
            return double.NaN;
        }

        double nullScore = -profile.FnWeight * windows;
        double perfect = profile.TpWeight * windows;
        return 100.0 * (raw - nullScore) / (perfect - nullScore);
    }
}
