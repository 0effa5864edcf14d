using AnomalyHunter.Udfs.Sampling;

namespace AnomalyHunter.Udfs.Tests.Sampling;

public sealed class StratifiedSamplerTests
{
    private const long StepMs = 300_000L;

    private static long[] Timestamps(int n) => Enumerable.Range(0, n).Select(i => 1_700_006_400_000L + (i * StepMs)).ToArray();

    [Fact]
    public void A_history_within_the_budget_is_kept_whole_with_zero_error()
    {
        StratifiedSample s = StratifiedSampler.Select(Timestamps(100), new StratifiedSampleOptions { Budget = 100 });
        Assert.Equal(Enumerable.Range(0, 100), s.Indices);
        Assert.Equal(0.0, s.QuantileRankError);
        Assert.Equal(0.0, s.MeanErrorPerUnitRange);
    }

    [Fact]
    public void The_sample_has_exactly_the_budget_is_deterministic_for_a_seed_and_proportional_per_stratum()
    {
        long[] ts = Timestamps(50_000);
        var options = new StratifiedSampleOptions { Budget = 3000, TimeBlocks = 10, PhaseBins = 24 };
        StratifiedSample a = StratifiedSampler.Select(ts, options);
        StratifiedSample b = StratifiedSampler.Select(ts, options);
        StratifiedSample c = StratifiedSampler.Select(ts, options with { Seed = 99 });
        Assert.Equal(3000, a.Indices.Length);
        Assert.Equal(a.Indices, b.Indices);
        Assert.NotEqual(a.Indices, c.Indices);
        Assert.Equal(a.Indices.Order(), a.Indices);
        Assert.Equal(3000, a.Indices.Distinct().Count());
        Assert.Equal(240, a.Strata);

        var perStratum = a.Indices
            .GroupBy(i => ((long)i * 10 / ts.Length, SampleHash.Phase(ts[i], options.PhasePeriodMs, options.PhaseBins)))
            .Select(g => g.Count())
            .ToArray();
        Assert.Equal(240, perStratum.Length);
        Assert.All(perStratum, count => Assert.InRange(count, 12, 13));
    }

    [Fact]
    public void The_median_of_the_sample_lies_within_the_reported_rank_error_for_nearly_all_seeds()
    {
        const int n = 20_000;
        var random = new Random(7);
        long[] ts = Timestamps(n);
        double[] values = Enumerable.Range(0, n).Select(i => Math.Sin(2.0 * Math.PI * i / 288.0) * 5.0 + random.NextDouble()).ToArray();
        double[] sorted = values.Order().ToArray();
        int misses = 0;
        const int trials = 40;
        double bound = 0.0;
        for (int seed = 0; seed < trials; seed++)
        {
            StratifiedSample s = StratifiedSampler.Select(ts, new StratifiedSampleOptions { Budget = 500, Seed = seed, TimeBlocks = 4 });
            bound = s.QuantileRankError;
            double[] picked = s.Indices.Select(i => values[i]).Order().ToArray();
            double median = picked[picked.Length / 2];
            double rank = Array.BinarySearch(sorted, median) / (double)n;
            misses += Math.Abs(rank - 0.5) > bound ? 1 : 0;
        }

        Assert.InRange(bound, 0.05, 0.1);
        Assert.True(misses <= 2, $"{misses} of {trials} medians outside the bound");
    }

    [Fact]
    public void Bounds_follow_the_documented_formulas()
    {
        long[] sizes = [100, 300, 0];
        int[] sample = [10, 30, 0];
        double expectedQ = Math.Sqrt(Math.Log(4.0 / 0.05) / 2.0 * ((0.25 * 0.25 / 10) + (0.75 * 0.75 / 30)));
        Assert.Equal(expectedQ, SampleErrorBounds.QuantileRankError(sizes, sample, 0.05), 12);
        double expectedM = Math.Sqrt(Math.Log(2.0 / 0.05) / 2.0 * ((0.25 * 0.25 / 10) + (0.75 * 0.75 / 30)));
        Assert.Equal(expectedM, SampleErrorBounds.MeanErrorPerUnitRange(sizes, sample, 0.05), 12);
        Assert.Equal(0.25 + Math.Sqrt(Math.Log(2.0 / 0.05) / 2.0 * (0.75 * 0.75 / 30)), SampleErrorBounds.MeanErrorPerUnitRange(sizes, [0, 30, 0], 0.05), 12);
        Assert.True(double.IsNaN(SampleErrorBounds.QuantileRankError([0], [0], 0.05)));
    }

    [Fact]
    public void The_streaming_reservoir_is_bounded_and_drops_blocks_older_than_it_keeps()
    {
        var options = new StratifiedSampleOptions { Budget = 96, TimeBlocks = 2, PhaseBins = 4 };
        var reservoir = new StratifiedReservoir(1, options);
        long[] ts = Timestamps(288 * 5);
        for (int i = 0; i < ts.Length; i++)
        {
            reservoir.Add(i, ts[i], [i]);
        }

        var rows = new double[reservoir.Capacity];
        (int kept, long seen) = reservoir.CopyRows(rows);
        Assert.Equal(96, reservoir.Capacity);
        Assert.Equal(96, kept);
        long firstKeptDay = (ts[^1] / 86_400_000L) - 1;
        Assert.All(rows, r => Assert.True(ts[(int)r] / 86_400_000L >= firstKeptDay));
        Assert.True(seen <= 288 * 2);
    }
}
