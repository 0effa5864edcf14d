using System.Buffers;
using AnomalyHunter.Udfs.Detection;
using AnomalyHunter.Udfs.Multivariate;
using AnomalyHunter.Udfs.Options;

namespace AnomalyHunter.Udfs.Tests.Multivariate;

public sealed class PcaGroupScorerTests
{
    private const int P = 6;
    private static readonly PcaGroupScorerFactory Factory = new(new PcaOptions());

    private static PcaRowScore[] ScoreAll(PcaGroupScorerFactory factory, long[] ts, double[] m, int p, double[]? t2c = null, double[]? spec = null)
    {
        var rows = new PcaRowScore[ts.Length];
        factory.Create(p).Score(ts, m, rows, t2c ?? Span<double>.Empty, spec ?? Span<double>.Empty);
        return rows;
    }

    [Fact]
    public void A_shift_of_one_and_a_half_sigma_per_series_against_their_usual_co_movement_scores_high()
    {
        const int n = 3000;
        const int from = 2900;
        double[] m = GroupTestData.Factor(1, n, P, 3.0, 1.0);
        double sigma = Math.Sqrt(10.0);
        for (int i = from; i < from + 20; i++)
        {
            for (int j = 0; j < P; j++)
            {
                m[(i * P) + j] += (j % 2 == 0 ? 1.5 : -1.5) * sigma;
            }
        }

        var t2c = new double[n * P];
        var spec = new double[n * P];
        PcaRowScore[] s = ScoreAll(Factory, GroupTestData.Timestamps(n), m, P, t2c, spec);
        double shifted = s.Skip(from).Take(20).Average(r => r.Score);
        Assert.True(shifted >= 40.0, $"shifted rows scored {shifted:F1} on average");
        Assert.True(s.Skip(from).Take(20).All(r => r.SpeScore > r.T2Score));
        int falseAlarms = s.Skip(200).Take(from - 200).Count(r => r.Score >= ScoreScale.DefaultThreshold);
        Assert.True(falseAlarms <= (from - 200) / 50, $"{falseAlarms} false alarms");

        // Every series contributes to the SPE of a shifted row.
        Assert.All(spec.Skip(from * P).Take(P), c => Assert.True(c > 0.5));
    }

    [Fact]
    public void Independent_noise_rarely_alerts()
    {
        const int n = 4000;
        double[] m = GroupTestData.Factor(2, n, P, 0.0, 1.0);
        PcaRowScore[] s = ScoreAll(Factory, GroupTestData.Timestamps(n), m, P);
        double rate = s.Skip(500).Count(r => r.Score >= ScoreScale.DefaultThreshold) / (double)(n - 500);
        Assert.True(rate <= 0.03, $"alert rate {rate:P2}");
    }

    [Fact]
    public void Missing_values_add_nothing_and_rows_without_values_score_zero()
    {
        const int n = 400;
        double[] m = GroupTestData.Factor(3, n, P, 2.0, 1.0);
        for (int j = 0; j < P; j++)
        {
            m[(300 * P) + j] = double.NaN;
        }

        m[(301 * P) + 2] = double.NaN;
        var t2c = new double[n * P];
        var spec = new double[n * P];
        PcaRowScore[] s = ScoreAll(Factory, GroupTestData.Timestamps(n), m, P, t2c, spec);
        Assert.Equal(default, s[300]);
        Assert.Equal(0.0, t2c[(301 * P) + 2]);
        Assert.Equal(0.0, spec[(301 * P) + 2]);
        Assert.True(double.IsFinite(s[301].Score));
    }

    [Fact]
    public void Daily_batches_with_saved_state_equal_one_backfill_bit_for_bit_with_bounded_state()
    {
        const int n = 288 * 6;
        double[] m = GroupTestData.Factor(4, n, P, 2.0, 1.0);
        long[] ts = GroupTestData.Timestamps(n);
        var options = new PcaOptions { RefitEvery = 256, Sampling = new() { Budget = 600, TimeBlocks = 3, PhaseBins = 8 } };
        var factory = new PcaGroupScorerFactory(options);
        PcaRowScore[] backfill = ScoreAll(factory, ts, m, P);
        var batched = new PcaRowScore[n];
        byte[] state = [];
        for (int from = 0; from < n; from += 288)
        {
            PcaGroupScorer scorer = from == 0 ? factory.Create(P) : factory.Restore(state);
            scorer.Score(ts.AsSpan(from, 288), m.AsSpan(from * P, 288 * P), batched.AsSpan(from, 288), Span<double>.Empty, Span<double>.Empty);
            var buffer = new ArrayBufferWriter<byte>();
            scorer.WriteState(buffer);
            state = buffer.WrittenSpan.ToArray();
            Assert.True(scorer.Model is null || scorer.Model.Rows <= 600);
        }

        Assert.Equal(backfill, batched);
        Assert.True(state.Length < 600 * ((P * 8) + 16) + (P * P * 8 * 2) + 4096);
    }

    [Fact]
    public void A_history_over_the_budget_is_fitted_on_a_stratified_sample_with_a_reported_bound()
    {
        const int n = 20_000;
        double[] m = GroupTestData.Factor(5, n, P, 2.0, 1.0);
        var options = new PcaOptions { Sampling = new() { Budget = 2000, TimeBlocks = 7 } };
        PcaModel sampled = PcaModel.Fit(GroupTestData.Timestamps(n), m, P, options);
        PcaModel full = PcaModel.Fit(GroupTestData.Timestamps(n), m, P, options with { Sampling = new() { Budget = n } });
        Assert.Equal(2000, sampled.Rows);
        Assert.Equal(n, sampled.SeenRows);
        Assert.InRange(sampled.QuantileRankError, 0.01, 0.2);
        Assert.Equal(0.0, full.QuantileRankError);
        for (int j = 0; j < P; j++)
        {
            // A median within ε in rank lies within about ε / φ(0) ≈ 2.5ε standard deviations of the full one.
            Assert.True(Math.Abs(sampled.Centers[j] - full.Centers[j]) <= 2.5 * sampled.QuantileRankError * full.Scales[j]);
        }

        Assert.Equal(full.Components, sampled.Components);
    }

    [Fact]
    public void Invalid_settings_and_state_are_rejected_with_the_setting_named()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => new PcaGroupScorerFactory(new PcaOptions { ExplainedVariance = 1.5 }));
        Assert.Equal("Pca:ExplainedVariance", ex.Setting);
        var ex2 = Assert.Throws<OptionsValidationException>(() => new PcaOptions { Sampling = new() { PhaseBins = 0 } }.Validate());
        Assert.Equal("Sampling:PhaseBins", ex2.Setting);
        Assert.Throws<InvalidDataException>(() => Factory.Restore([1, 0, 0, 0, 9]));
    }
}
