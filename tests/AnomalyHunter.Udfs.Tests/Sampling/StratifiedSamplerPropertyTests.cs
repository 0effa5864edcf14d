using AnomalyHunter.Udfs.Sampling;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AnomalyHunter.Udfs.Tests.Sampling;

public sealed class StratifiedSamplerPropertyTests
{
    [Property(MaxTest = 60)]
    public Property A_sample_holds_min_of_budget_and_history_distinct_sorted_points_and_repeats_for_its_seed()
        => Prop.ForAll(
            (from n in Gen.Choose(0, 3000)
             from budget in Gen.Choose(16, 1000)
             from blocks in Gen.Choose(1, 12)
             from seed in Gen.Choose(0, 1000)
             select (n, budget, blocks, seed)).ToArbitrary(),
            t =>
        {
            (int n, int budget, int blocks, int seed) = t;
            long[] ts = Enumerable.Range(0, n).Select(i => 1_700_006_400_000L + (i * 60_000L * ((i % 7) + 1))).ToArray();
            var options = new StratifiedSampleOptions { Budget = budget, TimeBlocks = blocks, Seed = seed };
            StratifiedSample a = StratifiedSampler.Select(ts, options);
            StratifiedSample b = StratifiedSampler.Select(ts, options);
            bool sorted = a.Indices.Zip(a.Indices.Skip(1)).All(p => p.First < p.Second);
            bool bounded = n == 0 || (a.QuantileRankError >= 0.0 && a.QuantileRankError <= 1.5);
            return a.Indices.Length == Math.Min(n, budget) && sorted && a.Indices.SequenceEqual(b.Indices)
                && a.Indices.All(i => i >= 0 && i < n) && bounded;
        });
}
