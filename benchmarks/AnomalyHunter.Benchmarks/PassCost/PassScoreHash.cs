using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using AnomalyHunter.Benchmarks.DetectScale;
using AnomalyHunter.Synthetic.Generation;
using AnomalyHunter.Synthetic.Model;
using AnomalyHunter.Synthetic.Options;
using AnomalyHunter.Udfs.Detection;
using AnomalyHunter.Udfs.Detection.Novelty;
using AnomalyHunter.Udfs.Detection.Statistical;
using AnomalyHunter.Udfs.Forecast;

namespace AnomalyHunter.Benchmarks.PassCost;

/// <summary>
/// A fingerprint of everything a pass writes, so that a change meant to be bit-identical can be checked against the
/// hash of the code before it: every series of the demo data (seeds 42 and 7) scored in one backfill and day by day
/// with the state saved and restored between days; the bit patterns of every output and of every saved state go into
/// one SHA-256 per pass and variant. The variants add the option paths off by default and non-finite inputs. A second
/// line per variant hashes the outputs alone, so that a change of state layout can be checked to leave every score as it was.
/// </summary>
internal static class PassScoreHash
{
    /// <summary>The passes and option variants that are hashed, by name.</summary>
    public static IReadOnlyList<(string Name, ISeriesScorerFactory Factory)> Variants { get; } =
    [
        ("statistical", new StatisticalScorerFactory(new StatisticalOptions())),
        ("statistical+drift", new StatisticalScorerFactory(new StatisticalOptions { UseDrift = true, DriftRanked = true, TiedTailDecades = 3.0 })),
        ("statistical-bare", new StatisticalScorerFactory(new StatisticalOptions { UseSustained = false, EmpiricalRank = false, ShortHistory = 0, IncidentHalfLife = 0.0 })),
        ("forecast", new ForecastScorerFactory(new ForecastOptions())),

        // why: the novelty pass shares the seasonal profile with the statistical pass.
        ("novelty", new NoveltyScorerFactory(new NoveltyOptions())),

        // why: the combined scorer's own per-point work and its hand-over of state between days.
        ("combined", PassFactories.Combined()),
    ];

    public static int Run(string[] args)
    {
        string only = PassCostArgs.Get(args, "--pass", "");
        long[] seeds = [.. PassCostArgs.Get(args, "--seeds", "42,7").Split(',').Select(s => long.Parse(s, CultureInfo.InvariantCulture))];
        string udfs = PassCostArgs.Get(args, "--udfs", "");

        // why: with --udfs the same hashing runs bound to another build of the UDFs (the one before a change), so both hashes come from one harness.
        var lines = udfs.Length == 0
            ? Lines(only, seeds)
            : BaselineLoadContext.ForUdfs(udfs).Benchmarks().GetType(typeof(PassScoreHash).FullName!)!
                .GetMethod(nameof(Lines))!.CreateDelegate<Func<string, long[], string[]>>()(only, seeds);
        foreach (string line in lines)
        {
            Console.WriteLine(line);
        }

        return 0;
    }

    /// <summary>One line per variant whose name starts with <paramref name="only"/>: its name and hash over the demo data of <paramref name="seeds"/>.</summary>
    public static string[] Lines(string only, long[] seeds)
    {
        var data = seeds.Select(seed => new SyntheticGenerator(SyntheticOptions.Demo with { Seed = seed }).Generate()).ToList();
        var lines = new List<string>();
        foreach (var (name, factory) in Variants.Where(v => v.Name.StartsWith(only, StringComparison.Ordinal)))
        {
            foreach (bool withNonFinite in new[] { false, true })
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                using var scores = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var hashes = new Hashes(hash, scores);
                foreach (SyntheticDataset dataset in data)
                {
                    foreach (SeriesData series in dataset.Series)
                    {
                        double[] values = withNonFinite ? WithNonFinite(series.Values) : series.Values;
                        Backfill(factory, series.TimestampsMs, values, hashes);
                        DayByDay(factory, series.TimestampsMs, values, hashes);
                    }
                }

                string variant = name + (withNonFinite ? " (NaN/±∞ inputs)" : "");
                lines.Add(variant + ": " + Convert.ToHexString(hash.GetHashAndReset()));
                lines.Add(variant + " scores only: " + Convert.ToHexString(scores.GetHashAndReset()));
            }
        }

        return [.. lines];
    }

    /// <summary>A copy with NaN, +∞ and −∞ sprinkled in at fixed strides.</summary>
    private static double[] WithNonFinite(double[] values)
    {
        double[] copy = [.. values];
        for (int i = 97; i < copy.Length; i += 97)
        {
            copy[i] = (i / 97 % 3) switch { 0 => double.NaN, 1 => double.PositiveInfinity, _ => double.NegativeInfinity };
        }

        return copy;
    }

    private static void Backfill(ISeriesScorerFactory factory, long[] ts, double[] values, Hashes hash)
    {
        int n = values.Length;
        var first = new double[n];
        var second = new double[n];
        ISeriesScorer scorer = factory.Create();
        Score(scorer, ts, values, first, second);
        Add(hash, first);
        Add(hash, second);
        AddState(scorer, hash);
        if (factory.Create() is IContributingSeriesScorer contributing)
        {
            var contributions = new double[n * contributing.PassNames.Count];
            contributing.Score(ts, values, first, contributions);
            Add(hash, first);
            Add(hash, contributions);
            AddState(contributing, hash);
        }
    }

    private static void DayByDay(ISeriesScorerFactory factory, long[] ts, double[] values, Hashes hash)
    {
        byte[]? state = null;
        foreach (var (start, end) in InMemorySeries.DaySlices(ts))
        {
            ISeriesScorer scorer = state is null ? factory.Create() : factory.Restore(state);
            int n = end - start;
            var first = new double[n];
            var second = new double[n];
            Score(scorer, ts.AsSpan(start, n), values.AsSpan(start, n), first, second);
            Add(hash, first);
            Add(hash, second);
            var writer = new ArrayBufferWriter<byte>();
            scorer.WriteState(writer);
            state = writer.WrittenSpan.ToArray();
            hash.All.AppendData(state);
        }
    }

    private static void Score(ISeriesScorer scorer, ReadOnlySpan<long> ts, ReadOnlySpan<double> values, Span<double> first, Span<double> second)
    {
        if (scorer is IDeviationSeriesScorer two)
        {
            two.Score(ts, values, first, second);
        }
        else
        {
            scorer.Score(ts, values, first);
        }
    }

    private static void AddState(ISeriesScorer scorer, Hashes hash)
    {
        var writer = new ArrayBufferWriter<byte>();
        scorer.WriteState(writer);
        hash.All.AppendData(writer.WrittenSpan);
    }

    private static void Add(Hashes hash, ReadOnlySpan<double> values)
    {
        hash.All.AppendData(MemoryMarshal.AsBytes(values));
        hash.Scores.AppendData(MemoryMarshal.AsBytes(values));
    }

    /// <summary>The hash of outputs and saved states, and the hash of the outputs alone.</summary>
    private sealed record Hashes(IncrementalHash All, IncrementalHash Scores);
}
