using System.Globalization;
using AnomalyHunter.Scheduler.Configuration;
using AnomalyHunter.Synthetic.Generation;
using AnomalyHunter.Synthetic.Model;
using AnomalyHunter.Synthetic.Options;
using AnomalyHunter.Udfs.Detection.Combined;

namespace AnomalyHunter.Quality.Synthetic;

/// <summary>
/// Why a label got no window: rescores the labelled series in memory with the product's passes and prints, over the
/// label (plus the scoring tolerance), the highest combined deviation and each pass's highest per-point score before
/// the family correction, with the time it was reached.
/// </summary>
internal static class LabelDiagnosis
{
    /// <summary>Prints one line per member series (up to three) of each label in <paramref name="labels"/>.</summary>
    public static void Print(DetectSettings settings, long seed, int days, IEnumerable<AnomalyLabel> labels, TimeSpan tolerance, double threshold)
    {
        var inv = CultureInfo.InvariantCulture;
        var generator = new SyntheticGenerator(SyntheticOptions.Demo with { Seed = seed, Days = days });
        var product = DetectFactory.Scorer(settings);
        // why: the same passes without the family correction report each pass's own per-point score (the combination's input).
        var raw = new CombinedScorerFactory(product.Passes, family: 1.0);
        var index = generator.Series.ToDictionary(s => s.Key, s => s.Index, StringComparer.Ordinal);
        var cache = new Dictionary<string, (long[] Ts, double[] Combined, double[] PerPass)>(StringComparer.Ordinal);
        int k = product.Passes.Count;
        Console.WriteLine(string.Create(inv, $"missed labels, highest scores over the label (threshold {threshold}; per pass before the family correction):"));
        foreach (AnomalyLabel label in labels)
        {
            foreach (AffectedSeries m in label.Members.Take(3))
            {
                if (!cache.TryGetValue(m.SeriesKey, out var scored))
                {
                    SeriesData data = generator.GenerateSeries(index[m.SeriesKey]);
                    scored = (data.TimestampsMs, Score(product, data).Combined, Score(raw, data).PerPass);
                    cache[m.SeriesKey] = scored;
                }

                long from = m.Start.ToUnixTimeMilliseconds();
                long to = (m.End + tolerance).ToUnixTimeMilliseconds();
                int best = -1;
                var passBest = new int[k];
                Array.Fill(passBest, -1);
                for (int i = 0; i < scored.Ts.Length; i++)
                {
                    if (scored.Ts[i] < from || scored.Ts[i] > to)
                    {
                        continue;
                    }

                    if (best < 0 || scored.Combined[i] > scored.Combined[best])
                    {
                        best = i;
                    }

                    for (int p = 0; p < k; p++)
                    {
                        if (passBest[p] < 0 || scored.PerPass[(i * k) + p] > scored.PerPass[(passBest[p] * k) + p])
                        {
                            passBest[p] = i;
                        }
                    }
                }

                string At(int i) => i < 0 ? "-" : DateTimeOffset.FromUnixTimeMilliseconds(scored.Ts[i]).ToString("dd HH:mm", inv);
                string passes = string.Join(' ', product.Passes.Select((p, j) => passBest[j] < 0 ? $"{p.Name} -" : string.Create(inv, $"{p.Name} {scored.PerPass[(passBest[j] * k) + j],5:F1}@{At(passBest[j])}")));
                string combined = best < 0 ? "no points" : string.Create(inv, $"combined {scored.Combined[best],5:F1}@{At(best)}");
                Console.WriteLine(string.Create(inv, $"  {label.Id} {label.Kind.ToName(),-20} {m.Metric(),-16} {m.Start:dd HH:mm}..{m.End:dd HH:mm} sigmas {m.Sigmas,4:F1}  {combined}  {passes}  {label.Detail}"));
            }
        }
    }

    /// <summary>
    /// Prints one line per false window (up to <paramref name="limit"/>): each pass's per-point score before the family
    /// correction at the window's peak, and the peak value's distance from the median of the hour before in robust
    /// sigmas of the day before (sign included, so one-sided noise shows).
    /// </summary>
    public static void PrintFalse(DetectSettings settings, long seed, int days, IEnumerable<(string Series, DateTime Start, DateTime Peak, long Points, double Score)> windows, int limit)
    {
        var inv = CultureInfo.InvariantCulture;
        var generator = new SyntheticGenerator(SyntheticOptions.Demo with { Seed = seed, Days = days });
        var product = DetectFactory.Scorer(settings);
        var raw = new CombinedScorerFactory(product.Passes, family: 1.0);
        var index = generator.Series.ToDictionary(s => s.Key, s => s.Index, StringComparer.Ordinal);
        var cache = new Dictionary<string, (long[] Ts, double[] Values, double[] PerPass)>(StringComparer.Ordinal);
        int k = product.Passes.Count;
        Console.WriteLine("false windows, per pass at the peak (before the family correction), peak value in robust sigmas from the hour before:");
        foreach (var w in windows.Take(limit))
        {
            if (!cache.TryGetValue(w.Series, out var scored))
            {
                SeriesData data = generator.GenerateSeries(index[w.Series]);
                scored = (data.TimestampsMs, data.Values, Score(raw, data).PerPass);
                cache[w.Series] = scored;
            }

            long peak = new DateTimeOffset(w.Peak, TimeSpan.Zero).ToUnixTimeMilliseconds();
            int i = Array.BinarySearch(scored.Ts, peak);
            if (i < 0)
            {
                continue;
            }

            double[] hour = scored.Values[Math.Max(0, i - 12)..i];
            double[] day = scored.Values[Math.Max(0, i - 288)..i];
            double level = Median(hour);
            double mad = Median([.. day.Select(v => Math.Abs(v - Median(day)))]) * 1.4826;
            string passes = string.Join(' ', product.Passes.Select((p, j) => string.Create(inv, $"{p.Name} {scored.PerPass[(i * k) + j],5:F1}")));
            string metric = w.Series[..w.Series.IndexOf('{', StringComparison.Ordinal)];
            Console.WriteLine(string.Create(inv, $"  {metric,-16} {Label(w.Series, "tenant"),-8} {Label(w.Series, "host"),-12} {w.Start:dd HH:mm} pts {w.Points,3} peak {w.Score,5:F1}  {passes}  z {(scored.Values[i] - level) / mad,6:F1}"));
        }
    }

    private static string Label(string key, string name)
    {
        string marker = name + "=\"";
        int at = key.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? "-" : key[(at + marker.Length)..key.IndexOf('"', at + marker.Length)];
    }

    private static double Median(double[] values)
    {
        if (values.Length == 0)
        {
            return double.NaN;
        }

        double[] sorted = [.. values.Order()];
        return sorted[sorted.Length / 2];
    }

    private static (double[] Combined, double[] PerPass) Score(CombinedScorerFactory factory, SeriesData data)
    {
        int n = data.Values.Length;
        var scorer = (ICombinedSeriesScorer)factory.Create();
        var combined = new double[n];
        var perPass = new double[n * factory.Passes.Count];
        scorer.ScoreAll(data.TimestampsMs, data.Values, new double[n], combined, perPass);
        return (combined, perPass);
    }

    private static string Metric(this AffectedSeries member) => member.SeriesKey[..member.SeriesKey.IndexOf('{', StringComparison.Ordinal)];
}
