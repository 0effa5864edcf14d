using System.Globalization;
using AnomalyHunter.Scheduler.Configuration;
using AnomalyHunter.Synthetic.Generation;
using AnomalyHunter.Synthetic.Model;
using AnomalyHunter.Synthetic.Options;
using AnomalyHunter.Udfs.Detection.Combined;

namespace AnomalyHunter.Quality.Synthetic;

/// <summary>
/// Why a label got no window, and where a false window came from: rescores the series in memory with the product's
/// passes (each series once) and prints the combined deviation and each pass's per-point score before the family
/// correction.
/// </summary>
internal sealed class LabelDiagnosis
{
    private readonly SyntheticGenerator _generator;
    private readonly CombinedScorerFactory _product;
    private readonly CombinedScorerFactory _raw;
    private readonly Dictionary<string, int> _index;
    private readonly Dictionary<string, Scored> _cache = new(StringComparer.Ordinal);

    /// <summary>Diagnoses the synthetic data of <paramref name="seed"/> and <paramref name="days"/> with the passes of <paramref name="settings"/>.</summary>
    public LabelDiagnosis(DetectSettings settings, long seed, int days)
    {
        _generator = new SyntheticGenerator(SyntheticOptions.Demo with { Seed = seed, Days = days });
        _product = DetectFactory.Scorer(settings);

        // why: the same passes without the family correction report each pass's own per-point score (the combination's input).
        _raw = new CombinedScorerFactory(_product.Passes, family: 1.0);
        _index = _generator.Series.ToDictionary(s => s.Key, s => s.Index, StringComparer.Ordinal);
    }

    private int PassCount => _product.Passes.Count;

    /// <summary>
    /// Prints one line per member series (up to three) of each label in <paramref name="labels"/>: over the label (plus
    /// <paramref name="tolerance"/>), the highest combined deviation and each pass's highest per-point score, with the
    /// time each was reached.
    /// </summary>
    public void PrintMissed(IEnumerable<AnomalyLabel> labels, TimeSpan tolerance, double threshold)
    {
        var inv = CultureInfo.InvariantCulture;
        int k = PassCount;
        Console.WriteLine(string.Create(inv, $"missed labels, highest scores over the label (threshold {threshold}; per pass before the family correction):"));
        foreach (AnomalyLabel label in labels)
        {
            foreach (AffectedSeries m in label.Members.Take(3))
            {
                Scored scored = Get(m.SeriesKey);
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
                string passes = string.Join(' ', _product.Passes.Select((p, j) => passBest[j] < 0 ? $"{p.Name} -" : string.Create(inv, $"{p.Name} {scored.PerPass[(passBest[j] * k) + j],5:F1}@{At(passBest[j])}")));
                string combined = best < 0 ? "no points" : string.Create(inv, $"combined {scored.Combined[best],5:F1}@{At(best)}");
                Console.WriteLine(string.Create(inv, $"  {label.Id} {label.Kind.ToName(),-20} {MetricOf(m.SeriesKey),-16} {m.Start:dd HH:mm}..{m.End:dd HH:mm} sigmas {m.Sigmas,4:F1}  {combined}  {passes}  {label.Detail}"));
            }
        }
    }

    /// <summary>
    /// Prints one line per false window (up to <paramref name="limit"/>): each pass's per-point score before the family
    /// correction at the window's peak, and the peak value's distance from the median of the hour before in robust
    /// sigmas of the day before (sign included, so one-sided noise shows).
    /// </summary>
    public void PrintFalse(IEnumerable<(string Series, DateTime Start, DateTime Peak, long Points, double Score)> windows, int limit)
    {
        var inv = CultureInfo.InvariantCulture;
        int k = PassCount;
        Console.WriteLine("false windows, per pass at the peak (before the family correction), peak value in robust sigmas from the hour before:");
        foreach (var w in windows.Take(limit))
        {
            Scored scored = Get(w.Series);
            int i = Array.BinarySearch(scored.Ts, new DateTimeOffset(w.Peak, TimeSpan.Zero).ToUnixTimeMilliseconds());
            if (i < 0)
            {
                continue;
            }

            double level = Median(scored.Values[Math.Max(0, i - 12)..i]);
            double[] day = scored.Values[Math.Max(0, i - 288)..i];
            double dayMedian = Median(day);
            double mad = Median([.. day.Select(v => Math.Abs(v - dayMedian))]) * 1.4826;
            string passes = string.Join(' ', _product.Passes.Select((p, j) => string.Create(inv, $"{p.Name} {scored.PerPass[(i * k) + j],5:F1}")));
            Console.WriteLine(string.Create(inv, $"  {MetricOf(w.Series),-16} {Label(w.Series, "tenant"),-8} {Label(w.Series, "host"),-12} {w.Start:dd HH:mm} pts {w.Points,3} peak {w.Score,5:F1}  {passes}  z {(scored.Values[i] - level) / mad,6:F1}"));
        }
    }

    /// <summary>A series generated and scored once: timestamps, values, combined deviation (product) and per-pass scores (no family correction).</summary>
    private Scored Get(string seriesKey)
    {
        if (!_cache.TryGetValue(seriesKey, out Scored? scored))
        {
            SeriesData data = _generator.GenerateSeries(_index[seriesKey]);
            scored = new Scored(data.TimestampsMs, data.Values, Score(_product, data).Combined, Score(_raw, data).PerPass);
            _cache[seriesKey] = scored;
        }

        return scored;
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

    private static string MetricOf(string seriesKey) => seriesKey[..seriesKey.IndexOf('{', StringComparison.Ordinal)];

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

    private sealed record Scored(long[] Ts, double[] Values, double[] Combined, double[] PerPass);
}
