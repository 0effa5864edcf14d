using System.Buffers;
using AnomalyHunter.Udfs.Detection;
using AnomalyHunter.Udfs.Detection.Novelty;
using AnomalyHunter.Udfs.Options;

namespace AnomalyHunter.Udfs.Tests.Detection.Novelty;

public sealed class NoveltyScorerTests
{
    private static double[] Noise(int seed, int n, double level = 10.0, double spread = 1.0)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => level + (spread * (random.NextDouble() - 0.5))).ToArray();
    }

    private static int[] Alerts(double[] scores) => Enumerable.Range(0, scores.Length).Where(i => scores[i] >= ScoreScale.DefaultThreshold).ToArray();

    [Fact]
    public void A_shift_to_a_new_level_raises_one_alert_at_its_onset_and_deviates_while_it_lasts()
    {
        double[] values = Noise(1, 2000);
        for (int i = 1500; i < 1560; i++)
        {
            values[i] += 5.0;
        }

        (double[] alerts, double[] deviations) = NoveltyTestData.Backfill(new NoveltyOptions(), NoveltyTestData.Timestamps(values.Length), values);
        Assert.Equal([1500], Alerts(alerts));
        Assert.All(Enumerable.Range(1500, 60), i => Assert.True(deviations[i] >= ScoreScale.DefaultThreshold, $"row {i} deviates {deviations[i]}"));
        Assert.True(Alerts(deviations).All(i => i is >= 1500 and < 1560));
    }

    [Fact]
    public void A_daily_peak_deviates_only_until_earlier_days_show_it_while_a_peak_at_a_new_time_still_deviates()
    {
        const int PerDay = 288;
        double[] values = Noise(3, 10 * PerDay);
        for (int day = 0; day < 10; day++)
        {
            for (int i = 0; i < 24; i++)
            {
                values[(day * PerDay) + 120 + i] += 10.0;
            }
        }

        for (int i = 0; i < 24; i++)
        {
            values[(9 * PerDay) + 200 + i] += 10.0;
        }

        long[] ts = NoveltyTestData.Timestamps(values.Length);
        (_, double[] seasonal) = NoveltyTestData.Backfill(new NoveltyOptions(), ts, values);
        (_, double[] plain) = NoveltyTestData.Backfill(new NoveltyOptions { SeasonalDeviation = false }, ts, values);
        int[] usualPeaks = [.. Enumerable.Range(5, 4).SelectMany(day => Enumerable.Range((day * PerDay) + 120, 24))];
        Assert.Contains(usualPeaks, i => plain[i] >= ScoreScale.DefaultThreshold);
        Assert.All(usualPeaks, i => Assert.True(seasonal[i] < ScoreScale.DefaultThreshold, $"row {i} deviates {seasonal[i]}"));
        Assert.True(seasonal[(9 * PerDay) + 200] >= ScoreScale.DefaultThreshold);
    }

    [Fact]
    public void A_repeated_incident_deviates_again_but_alerts_only_the_first_time()
    {
        double[] values = Noise(2, 3000);
        foreach (int start in new[] { 1000, 1400 })
        {
            for (int i = start; i < start + 10; i++)
            {
                values[i] = 30.0 + (i % 3);
            }
        }

        (double[] alerts, double[] deviations) = NoveltyTestData.Backfill(new NoveltyOptions(), NoveltyTestData.Timestamps(values.Length), values);
        Assert.Equal([1000], Alerts(alerts));
        Assert.True(deviations[1000] >= ScoreScale.DefaultThreshold && deviations[1400] >= ScoreScale.DefaultThreshold);
    }

    [Fact]
    public void Deviation_scores_are_Bonferroni_corrected_normal_tails()
    {
        var options = new NoveltyOptions { DeviationMinHistory = 3, CountDeviation = 0.0 };
        double[] values = [9.0, 11.0, 10.0, 10.0 + (1.2533 * (1.0 / 3.0) * 5.0)];
        (_, double[] deviations) = NoveltyTestData.Backfill(options, NoveltyTestData.Timestamps(values.Length), values);

        // Baseline after three points: mean 10; running mean absolute deviation (0 + 1 + 0) / 3 = 1/3 (each point against the mean so far), so z = 5.
        double expected = 10.0 * (NormalDistribution.TwoSidedSurprise(5.0) - 3.0);
        Assert.Equal(expected, deviations[3], 9);
    }

    [Fact]
    public void Noise_rarely_deviates()
    {
        var random = new Random(3);
        double[] values = Enumerable.Range(0, 20_000).Select(_ => Gaussian(random)).ToArray();
        (_, double[] deviations) = NoveltyTestData.Backfill(new NoveltyOptions(), NoveltyTestData.Timestamps(values.Length), values);
        Assert.True(Alerts(deviations).Length <= 5, $"{Alerts(deviations).Length} noise points deviate");
    }

    [Fact]
    public void Small_counts_rarely_deviate_yet_a_burst_of_counts_does()
    {
        var random = new Random(5);
        double[] values = Enumerable.Range(0, 20_000).Select(_ => Poisson(random, 1.5) / 300.0).ToArray();
        values[15_000] += 15.0 / 300.0;
        double[] counted = PerPoint(new NoveltyOptions(), values);
        double[] normal = PerPoint(new NoveltyOptions { CountDeviation = 0.0, BurstTail = false }, values);

        // why: per-point scores of 40 claim p = 1e-4, about 2 of 20 000 points.
        int[] rare = Enumerable.Range(0, values.Length).Where(i => i != 15_000 && counted[i] >= 40.0).ToArray();
        int normalRare = Enumerable.Range(0, values.Length).Count(i => i != 15_000 && normal[i] >= 40.0);
        Assert.True(counted[15_000] >= 60.0, $"the burst scores {counted[15_000]}");
        Assert.True(rare.Length <= 20, $"{rare.Length} count points score 40 or more");
        Assert.True(normalRare > 3 * rare.Length, $"{normalRare} points score 40 or more on the normal tail alone, {rare.Length} with the count's tail");
    }

    private static double[] PerPoint(NoveltyOptions options, double[] values)
    {
        var scorer = new NoveltyScorer(options);
        double[] alerts = new double[values.Length];
        double[] deviations = new double[values.Length];
        scorer.ScorePerPoint(NoveltyTestData.Timestamps(values.Length), values, alerts, deviations);
        return deviations;
    }

    private static int Poisson(Random random, double lambda)
    {
        double u = random.NextDouble();
        double p = Math.Exp(-lambda);
        double cumulative = p;
        int k = 0;
        while (u > cumulative && k < 1000)
        {
            k++;
            p *= lambda / k;
            cumulative += p;
        }

        return k;
    }

    private static double Gaussian(Random random) => Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());

    [Fact]
    public void A_nightly_batch_seen_once_is_not_a_deviation_on_the_second_night()
    {
        // why: the first hours of the second day are the seasonal baseline's first points, before it has a spread of its
        // own; a 45-minute batch at 01:00 (UTC, the data starts at midnight) then deviated from the recent level alone.
        var random = new Random(11);
        double[] values = [.. Enumerable.Range(0, 288 * 3).Select(i => 20.0 + (Math.Abs((i % 288) - 12 - 4.5) < 4.5 ? 25.0 : 0.0) + Gaussian(random))];
        long[] ts = NoveltyTestData.Timestamps(values.Length);
        (_, double[] borrowed) = NoveltyTestData.Backfill(new NoveltyOptions(), ts, values);
        (_, double[] levelOnly) = NoveltyTestData.Backfill(new NoveltyOptions { BorrowSeasonalSpread = false }, ts, values);
        int[] secondNight = [.. Enumerable.Range(288, 30)];
        Assert.True(secondNight.Any(i => levelOnly[i] >= ScoreScale.DefaultThreshold), "the recent level alone does not see the batch");
        Assert.All(secondNight, i => Assert.True(borrowed[i] < ScoreScale.DefaultThreshold, $"point {i} deviates by {borrowed[i]}"));

        // why: a jump on the second night that yesterday did not have still deviates.
        values[288 + 40] += 25.0;
        (_, double[] jump) = NoveltyTestData.Backfill(new NoveltyOptions(), ts, values);
        Assert.True(jump[288 + 40] >= ScoreScale.DefaultThreshold, $"the jump deviates by {jump[288 + 40]}");
    }

    [Fact]
    public void Saved_state_is_bounded_whatever_the_history()
    {
        var options = new NoveltyOptions();
        var factory = new NoveltyScorerFactory(options);
        int StateSize(int n)
        {
            ISeriesScorer scorer = factory.Create();
            double[] values = NoveltyTestData.Series(7, n);
            scorer.Score(NoveltyTestData.Timestamps(n), values, new double[n]);
            var buffer = new ArrayBufferWriter<byte>();
            scorer.WriteState(buffer);
            return buffer.WrittenCount;
        }

        int bound = 256 + (8 * options.MaxOrder) + (16 * options.RangeBlocks) + (8 * options.ValueWindow) + (20 * options.Memory) + (16 * options.SeasonBins * (options.SeasonDays + 1));
        Assert.True(StateSize(10_000) <= bound);
        Assert.True(StateSize(60_000) <= bound);
    }

    [Fact]
    public void Restoring_a_state_of_another_version_or_configuration_fails()
    {
        var factory = new NoveltyScorerFactory(new NoveltyOptions());
        ISeriesScorer scorer = factory.Create();
        scorer.Score(NoveltyTestData.Timestamps(500), NoveltyTestData.Series(1, 500), new double[500]);
        var buffer = new ArrayBufferWriter<byte>();
        scorer.WriteState(buffer);
        byte[] state = buffer.WrittenSpan.ToArray();
        Assert.Throws<InvalidDataException>(() => new NoveltyScorerFactory(new NoveltyOptions { ValueWindow = 2000 }).Restore(state));
        state[0] ^= 0xFF;
        Assert.Throws<InvalidDataException>(() => factory.Restore(state));
        Assert.Throws<InvalidDataException>(() => factory.Restore(buffer.WrittenSpan[..^3]));
    }

    [Fact]
    public void Fingerprint_changes_with_the_configuration()
    {
        Assert.Equal(new NoveltyScorerFactory(new NoveltyOptions()).Fingerprint, new NoveltyScorerFactory(new NoveltyOptions()).Fingerprint);
        Assert.NotEqual(new NoveltyScorerFactory(new NoveltyOptions()).Fingerprint, new NoveltyScorerFactory(new NoveltyOptions { Rest = 151 }).Fingerprint);
    }

    public static TheoryData<string, NoveltyOptions> InvalidOptions => new()
    {
        { "Levels", new NoveltyOptions { Levels = 1 } },
        { "MaxOrder", new NoveltyOptions { MaxOrder = 0 } },
        { "Warmup", new NoveltyOptions { Warmup = -1 } },
        { "Rest", new NoveltyOptions { Rest = 100_001 } },
        { "AlertNovelty", new NoveltyOptions { AlertNovelty = 0.0 } },
        { "RangeBlocks", new NoveltyOptions { RangeBlocks = 0 } },
        { "RangeBlockPoints", new NoveltyOptions { RangeBlockPoints = 0 } },
        { "ValueWindow", new NoveltyOptions { ValueWindow = 16 * 288 + 1 } },
        { "ValueCells", new NoveltyOptions { ValueCells = 4 } },
        { "ValueReach", new NoveltyOptions { ValueReach = -1 } },
        { "GridHeadroom", new NoveltyOptions { GridHeadroom = 0.0 } },
        { "GridRelayBelow", new NoveltyOptions { GridRelayBelow = 1.0 } },
        { "DeviationHalfLife", new NoveltyOptions { DeviationHalfLife = 1.0 } },
        { "DeviationMinHistory", new NoveltyOptions { DeviationMinHistory = 2 } },
        { "DeviationClip", new NoveltyOptions { DeviationClip = 0.5 } },
        { "DeviationAbsorb", new NoveltyOptions { DeviationAbsorb = 1.5 } },
        { "DeviationFamily", new NoveltyOptions { DeviationFamily = 0.5 } },
        { "Memory", new NoveltyOptions { Memory = 1000 } },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void An_invalid_setting_is_rejected_by_name(string setting, NoveltyOptions options)
    {
        var e = Assert.Throws<OptionsValidationException>(() => new NoveltyScorerFactory(options));
        Assert.Equal("Detect:Novelty:" + setting, e.Setting);
        Assert.Contains("allowed range", e.Message, StringComparison.Ordinal);
    }
}
