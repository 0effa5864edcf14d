using System.Buffers;
using AnomalyHunter.Udfs.Detection;
using AnomalyHunter.Udfs.Forecast;

namespace AnomalyHunter.Udfs.Tests.Forecast;

public sealed class ForecastStateTests
{
    /// <summary>A seasonal series whose timestamps have gaps, duplicates, late points and jitter.</summary>
    private static (long[] Timestamps, double[] Values) Irregular(int seed, int n)
    {
        (long[] ts, double[] x) = ForecastTestData.Seasonal(seed, n, ForecastTestData.FiveMinutesMs, 288, 20.0, 1.0, 0.03);
        var random = new Random(seed);
        for (int i = 1; i < ts.Length; i++)
        {
            switch (random.Next(40))
            {
                case 0:
                    ts[i] = ts[i - 1]; // a duplicate timestamp
                    break;
                case 1:
                    ts[i] = ts[i - 1] - (5 * ForecastTestData.FiveMinutesMs); // a late point
                    break;
                case 2:
                    ts[i] += random.Next(-90_000, 90_000); // jitter
                    break;
            }
        }

        return (ts, x);
    }

    private static (double[] Scores, byte[] State) Backfill(ForecastScorerFactory factory, long[] ts, double[] x)
    {
        var scores = new double[x.Length];
        ISeriesScorer scorer = factory.Create();
        scorer.Score(ts, x, scores);
        var buffer = new ArrayBufferWriter<byte>();
        scorer.WriteState(buffer);
        return (scores, buffer.WrittenSpan.ToArray());
    }

    private static (double[] Scores, byte[] State) Daily(ForecastScorerFactory factory, long[] ts, double[] x, int batch)
    {
        var scores = new double[x.Length];
        byte[] state = [];
        for (int from = 0; from < x.Length; from += batch)
        {
            int to = Math.Min(x.Length, from + batch);
            ISeriesScorer scorer = from == 0 ? factory.Create() : factory.Restore(state);
            scorer.Score(ts.AsSpan(from, to - from), x.AsSpan(from, to - from), scores.AsSpan(from, to - from));
            var buffer = new ArrayBufferWriter<byte>();
            scorer.WriteState(buffer);
            state = buffer.WrittenSpan.ToArray();
        }

        return (scores, state);
    }

    [Theory]
    [InlineData(ForecastOptions.DefaultHistoryBudget)]
    [InlineData(512)] // the history ring wraps, so restores read full rings
    public void An_irregular_series_scores_the_same_through_saved_states_as_in_one_backfill(int historyBudget)
    {
        (long[] ts, double[] x) = Irregular(5, 288 * 8);
        var factory = new ForecastScorerFactory(new ForecastOptions { RefitEvery = 512, HistoryBudget = historyBudget });
        var (backfill, backfillState) = Backfill(factory, ts, x);
        var (daily, dailyState) = Daily(factory, ts, x, 288);
        Assert.Contains(backfill, s => s > 0.0);
        Assert.Equal(backfill, daily);
        Assert.Equal(backfillState, dailyState);
    }

    [Fact]
    public void A_regular_series_saves_about_eight_bytes_a_point_of_history()
    {
        (long[] ts, double[] x) = ForecastTestData.Seasonal(7, 288 * 40, ForecastTestData.FiveMinutesMs, 288, 20.0, 1.0);
        var options = new ForecastOptions();
        var (_, state) = Backfill(new ForecastScorerFactory(options), ts, x);
        Assert.True(state.Length < 8 * (options.HistoryBudget + 1024), $"{state.Length} bytes");
    }

    [Fact]
    public void Every_truncation_of_a_saved_state_is_rejected()
    {
        (long[] ts, double[] x) = Irregular(9, 288 * 3);
        var factory = new ForecastScorerFactory(new ForecastOptions { RefitEvery = 256, HistoryBudget = 512 });
        var (_, state) = Backfill(factory, ts, x);
        for (int length = 0; length < state.Length; length++)
        {
            byte[] prefix = state[..length];
            Assert.Throws<InvalidDataException>(() => factory.Restore(prefix));
        }

        Assert.Throws<InvalidDataException>(() => factory.Restore([.. state, 0]));
    }
}
