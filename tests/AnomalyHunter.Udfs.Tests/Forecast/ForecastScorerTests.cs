using System.Buffers;
using AnomalyHunter.Udfs.Detection;
using AnomalyHunter.Udfs.Forecast;
using AnomalyHunter.Udfs.Options;

namespace AnomalyHunter.Udfs.Tests.Forecast;

public sealed class ForecastScorerTests
{
    private static readonly ForecastScorerFactory Factory = new(new ForecastOptions());

    private static double[] ScoreAll(ISeriesScorerFactory factory, long[] ts, double[] values)
    {
        var scores = new double[values.Length];
        factory.Create().Score(ts, values, scores);
        return scores;
    }

    [Fact]
    public void A_daily_season_is_detected_for_five_minute_data()
    {
        (long[] ts, double[] x) = ForecastTestData.Seasonal(1, 288 * 6, ForecastTestData.FiveMinutesMs, 288, 20.0, 1.0, 0.05);
        HoltWintersForecaster? f = HoltWintersForecaster.Fit(ts, x, new ForecastOptions());
        Assert.NotNull(f);
        Assert.Equal(ForecastModelKind.Seasonal, f.Kind);
        Assert.Equal(288, f.SeasonLength);
        Assert.Equal(ForecastTestData.FiveMinutesMs, f.StepMs);
    }

    [Fact]
    public void A_weekly_season_is_preferred_when_weekdays_and_weekends_differ()
    {
        var random = new Random(2);
        int n = 24 * 7 * 4;
        long[] ts = Enumerable.Range(0, n).Select(i => ForecastTestData.StartMs + (i * ForecastTestData.HourMs)).ToArray();
        double[] x = Enumerable.Range(0, n).Select(i => ((i / 24) % 7 >= 5 ? -30.0 * Math.Sin(2.0 * Math.PI * (i % 24) / 24.0) : 30.0 * Math.Sin(Math.PI * (i % 24) / 24.0)) + ForecastTestData.Gaussian(random)).ToArray();
        HoltWintersForecaster? f = HoltWintersForecaster.Fit(ts, x, new ForecastOptions());
        Assert.Equal(168, f!.SeasonLength);
    }

    [Fact]
    public void Noise_gets_no_season_and_short_or_irregular_histories_fall_back_to_level_and_trend()
    {
        var random = new Random(3);
        long[] ts = Enumerable.Range(0, 2000).Select(i => ForecastTestData.StartMs + (i * ForecastTestData.FiveMinutesMs)).ToArray();
        double[] noise = ts.Select(_ => ForecastTestData.Gaussian(random)).ToArray();
        Assert.Equal(ForecastModelKind.LevelTrend, HoltWintersForecaster.Fit(ts, noise, new ForecastOptions())!.Kind);

        (long[] ts2, double[] seasonal) = ForecastTestData.Seasonal(4, 400, ForecastTestData.FiveMinutesMs, 288, 20.0, 1.0);
        Assert.Equal(ForecastModelKind.LevelTrend, HoltWintersForecaster.Fit(ts2, seasonal, new ForecastOptions())!.Kind);

        long t = ForecastTestData.StartMs;
        long[] irregular = Enumerable.Range(0, 3000).Select(_ => t += 60_000L * random.Next(1, 30) + random.Next(0, 20_000)).ToArray();
        Assert.Equal(ForecastModelKind.LevelTrend, HoltWintersForecaster.Fit(irregular, irregular.Select((_, i) => Math.Sin(i / 10.0)).ToArray(), new ForecastOptions())!.Kind);

        Assert.Null(HoltWintersForecaster.Fit(ts[..9], noise[..9], new ForecastOptions()));
        Assert.All(ScoreAll(Factory, ts[..9], noise[..9]), s => Assert.Equal(0.0, s));
    }

    [Fact]
    public void Forecast_intervals_cover_about_their_level_and_widen_with_the_horizon()
    {
        (long[] ts, double[] x) = ForecastTestData.Seasonal(5, 288 * 9, ForecastTestData.FiveMinutesMs, 288, 20.0, 2.0);
        int fit = 288 * 7;
        HoltWintersForecaster f = HoltWintersForecaster.Fit(ts[..fit], x[..fit], new ForecastOptions())!;
        int h = 288;
        var t = new long[h];
        var mean = new double[h];
        var lower = new double[h];
        var upper = new double[h];
        f.Forecast(0.9, t, mean, lower, upper);
        Assert.Equal(ts[fit], t[0]);
        int inside = Enumerable.Range(0, h).Count(i => x[fit + i] >= lower[i] && x[fit + i] <= upper[i]);
        Assert.InRange(inside / (double)h, 0.8, 1.0);
        Assert.True(upper[^1] - lower[^1] >= upper[0] - lower[0]);
    }

    [Fact]
    public void A_spike_in_a_seasonal_series_scores_high_and_ordinary_points_rarely_alert()
    {
        (long[] ts, double[] x) = ForecastTestData.Seasonal(6, 288 * 10, ForecastTestData.FiveMinutesMs, 288, 20.0, 1.0);
        int at = (288 * 9) + 100;
        x[at] += 12.0;
        double[] scores = ScoreAll(Factory, ts, x);
        Assert.True(scores[at] >= 50.0, $"spike scored {scores[at]}");
        int alerts = scores.Skip(288 * 3).Count(s => s >= ScoreScale.DefaultThreshold);
        Assert.InRange(alerts, 1, 1 + (scores.Length / 100));
    }

    [Theory]
    [InlineData(ForecastOptions.DefaultHistoryBudget)]
    [InlineData(512)] // the history ring wraps, so restores read full rings
    public void Daily_batches_with_saved_state_equal_one_backfill_bit_for_bit(int historyBudget)
    {
        (long[] ts, double[] x) = ForecastTestData.Seasonal(7, 288 * 8, ForecastTestData.FiveMinutesMs, 288, 20.0, 1.0, 0.02);
        x[1000] = double.NaN;
        var options = new ForecastOptions { RefitEvery = 512, HistoryBudget = historyBudget };
        var factory = new ForecastScorerFactory(options);
        var whole = factory.Create();
        var backfill = new double[x.Length];
        whole.Score(ts, x, backfill);
        var wholeState = new ArrayBufferWriter<byte>();
        whole.WriteState(wholeState);
        var batched = new double[x.Length];
        byte[] state = [];
        for (int from = 0; from < x.Length; from += 277)
        {
            int to = Math.Min(x.Length, from + 277);
            ISeriesScorer scorer = from == 0 ? factory.Create() : factory.Restore(state);
            scorer.Score(ts.AsSpan(from, to - from), x.AsSpan(from, to - from), batched.AsSpan(from, to - from));
            var buffer = new ArrayBufferWriter<byte>();
            scorer.WriteState(buffer);
            state = buffer.WrittenSpan.ToArray();
        }

        Assert.Equal(backfill, batched);
        Assert.Equal(wholeState.WrittenSpan.ToArray(), state);
        Assert.True(state.Length <= 16 * (options.HistoryBudget + 288 + 16));
    }

    [Fact]
    public void Invalid_settings_name_the_setting_and_the_range()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => new ForecastScorerFactory(new ForecastOptions { MinPoints = 1 }));
        Assert.Equal("Forecast:MinPoints", ex.Setting);
        Assert.Contains("3..10000", ex.Message, StringComparison.Ordinal);
        Assert.Throws<OptionsValidationException>(() => new ForecastOptions { SeasonLength = 9000 }.Validate());
        Assert.Throws<InvalidDataException>(() => Factory.Restore([1, 0, 0]));
    }
}
