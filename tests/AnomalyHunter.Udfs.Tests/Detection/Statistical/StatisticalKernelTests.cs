using AnomalyHunter.Udfs.Detection.Statistical;
using FsCheck.Xunit;

namespace AnomalyHunter.Udfs.Tests.Detection.Statistical;

public sealed class StatisticalKernelTests
{
    private const double Log10E = 0.43429448190325176;

    /// <summary>The tail probability from the whole remembered history, sorted the slow way.</summary>
    private static double ReferenceLog10Tail(List<double> history, double d, int capacity, double fraction, int minTail, int minHistory, List<double> kept)
    {
        int n = history.Count;
        var sorted = history.OrderByDescending(v => v).ToList();
        int stored = Math.Min(capacity, n) - 1;
        int k = Math.Min(capacity - 1, Math.Max(minTail, (int)(fraction * n)));
        if (k > stored || n < minHistory)
        {
            return 0.0;
        }

        double u = sorted[k];
        if (d <= u)
        {
            return 0.0;
        }

        double max = sorted[0];
        if (d <= max)
        {
            return Math.Log10(kept.Count(v => v >= d) / (double)n);
        }

        double excess = sorted.Take(k).Sum(v => v - u) / k;
        double beta = Math.Max(excess, StatisticalOptions.DefaultMinSlopeShare * (max - kept.Min()));
        return beta == 0.0 ? double.NegativeInfinity : Math.Min(0.0, -Math.Log10(n) - ((d - max) / beta * Log10E));
    }

    /// <summary>The value the history remembers for <paramref name="d"/>: no further than TailGrowth spreads (largest − threshold) beyond the largest, once a tail is fitted.</summary>
    private static double ReferenceRemembered(List<double> history, double d, int capacity, double fraction, int minTail, int minHistory)
    {
        int n = history.Count;
        int k = Math.Min(capacity - 1, Math.Max(minTail, (int)(fraction * n)));
        if (k > Math.Min(capacity, n) - 1 || n < minHistory)
        {
            return d;
        }

        var sorted = history.OrderByDescending(v => v).ToList();
        double max = sorted[0];
        double u = sorted[k];
        return max > u ? Math.Min(d, max + (StatisticalOptions.DefaultTailGrowth * (max - u))) : d;
    }

    [Property(MaxTest = 20)]
    public bool Tail_sketch_matches_a_full_sort_of_the_history(int seed)
    {
        const int capacity = 16;
        const int generation = 300;
        var random = new Random(seed);
        var sketch = new TailSketch(new StatisticalOptions { TailCapacity = capacity, TailGeneration = generation, TailFraction = 0.02, MinTail = 3, MinTailHistory = 20 });
        var previous = new List<double>();
        var current = new List<double>();
        for (int i = 0; i < 1000; i++)
        {
            // why: heavy-tailed values with ties and rare far outliers, so the rank, the extrapolation and the growth limit are exercised.
            double d = Math.Round(Math.Exp(3.0 * random.NextDouble()) * 10.0) / 10.0;
            d = random.NextDouble() < 0.01 ? d * 1000.0 : d;
            List<double> history = [.. previous, .. current];
            List<double> kept = [.. previous.OrderByDescending(v => v).Take(capacity), .. current.OrderByDescending(v => v).Take(capacity)];
            double expected = kept.Count == 0 ? 0.0 : ReferenceLog10Tail(history, d, capacity, 0.02, 3, 20, kept);
            double actual = sketch.Log10TailProbability(d);
            if (!(Math.Abs(expected - actual) <= 1e-9 || (double.IsNegativeInfinity(expected) && double.IsNegativeInfinity(actual))))
            {
                return false;
            }

            sketch.Add(d);
            current.Add(ReferenceRemembered(history, d, capacity, 0.02, 3, 20));
            if (current.Count == generation)
            {
                previous = current;
                current = [];
            }
        }

        return true;
    }

    [Property(MaxTest = 20)]
    public bool Recent_values_median_matches_a_sort_of_the_last_n(int seed)
    {
        var random = new Random(seed);
        int n = 2 + random.Next(30);
        var recent = new RecentValues(n);
        var all = new List<double>();
        for (int i = 0; i < 200; i++)
        {
            double x = Math.Round((random.NextDouble() - 0.5) * 20.0);
            all.Add(x);
            var window = Enumerable.Repeat(0.0, Math.Max(0, n - all.Count)).Concat(all.Skip(Math.Max(0, all.Count - n))).OrderBy(v => v).ToList();
            double expected = (n & 1) == 1 ? window[n / 2] : 0.5 * (window[(n / 2) - 1] + window[n / 2]);
            if (recent.AddAndMedian(x) != expected)
            {
                return false;
            }
        }

        return true;
    }

    [Property(MaxTest = 20)]
    public bool Seasonal_profile_predicts_the_median_of_the_same_bin_on_previous_days(int seed)
    {
        const int bins = 24;
        const int days = 3;
        const long hourMs = 3_600_000L;
        var random = new Random(seed);
        var profile = new SeasonalProfile(bins, days);
        var seen = new List<(long Ts, double X)>();
        long ts = StatisticalTestData.StartMs;
        for (int i = 0; i < 400; i++)
        {
            // why: irregular steps (with gaps of up to a day) test the time-of-day alignment.
            ts += random.NextDouble() < 0.02 ? random.Next(1, 25) * hourMs : random.Next(1, 90) * 60_000L;
            (long day, int bin) = profile.Slot(ts);
            var previous = Enumerable.Range(1, days)
                .Select(k => seen.Where(p => p.Ts / 86_400_000L == day - k && p.Ts % 86_400_000L / hourMs == bin).Select(p => p.X).DefaultIfEmpty(double.NaN).Last())
                .Where(v => !double.IsNaN(v))
                .OrderBy(v => v)
                .ToList();
            double expected = previous.Count switch
            {
                0 => double.NaN,
                1 => previous[0],
                2 => 0.5 * (previous[0] + previous[1]),
                _ => previous[1],
            };
            double actual = profile.Predict(day, bin);
            if (!actual.Equals(expected))
            {
                throw new InvalidOperationException($"i={i} day={day} bin={bin} expected={expected} actual={actual} prev={string.Join(";", previous)}");
            }

            double x = random.NextDouble();
            profile.Update(day, bin, x);
            seen.Add((ts, x));
        }

        return true;
    }

    [Fact]
    public void Alert_gate_alerts_once_per_incident_and_again_after_a_quiet_spell()
    {
        var gate = new AlertGate(holdOff: 1000, quietRun: 5, quietLevel: 10.0, margin: 3.0);
        double[] deviations = [0, 40, 42, 41, 46, 0, 0, 35, 0, 0, 0, 0, 0, 0, 38, 0];
        double[] alerts = deviations.Select(gate.Next).ToArray();
        Assert.Equal([0, 40, 0, 0, 46, 0, 0, 0, 0, 0, 0, 0, 0, 0, 38, 0], alerts);
    }

    [Fact]
    public void Alert_gate_forgets_an_incident_after_the_hold_off()
    {
        var gate = new AlertGate(holdOff: 3, quietRun: 1000, quietLevel: 10.0, margin: 0.0);
        double[] alerts = new double[] { 50, 20, 20, 20, 30 }.Select(gate.Next).ToArray();
        Assert.Equal([50, 0, 0, 0, 30], alerts);
    }
}
