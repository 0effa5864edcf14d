using System.Buffers;
using AnomalyHunter.Udfs.Detection;
using AnomalyHunter.Udfs.Forecast;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AnomalyHunter.Udfs.Tests.Forecast;

public sealed class ForecastPropertyTests
{
    private static readonly ForecastScorerFactory Factory = new(new ForecastOptions { RefitEvery = 64 });

    private static Arbitrary<double[]> Series() =>
        (from n in Gen.Choose(0, 160)
         from seed in Gen.Choose(0, 100_000)
         select Make(n, seed)).ToArbitrary();

    private static double[] Make(int n, int seed)
    {
        var random = new Random(seed);
        var values = new double[n];
        double walk = 0.0;
        for (int i = 0; i < n; i++)
        {
            walk += random.Next(-3, 4);
            values[i] = walk + (10.0 * Math.Sin(2.0 * Math.PI * i / 24.0)) + random.Next(-5, 6) + (random.Next(40) == 0 ? 50.0 : 0.0);
            if (random.Next(30) == 0)
            {
                values[i] = double.NaN;
            }
        }

        return values;
    }

    private static long[] Hours(int n) => Enumerable.Range(0, n).Select(i => ForecastTestData.StartMs + (i * ForecastTestData.HourMs)).ToArray();

    private static double[] ScoreAll(double[] values)
    {
        var scores = new double[values.Length];
        Factory.Create().Score(Hours(values.Length), values, scores);
        return scores;
    }

    [Property(MaxTest = 40)]
    public Property A_constant_series_has_no_anomalies()
        => Prop.ForAll(Gen.Choose(-1000, 1000).ToArbitrary(), Gen.Choose(1, 200).ToArbitrary(), (c, n) =>
            ScoreAll(Enumerable.Repeat(c / 7.0, n).ToArray()).All(s => s == 0.0));

    [Property(MaxTest = 40)]
    public Property Scores_do_not_change_under_shift_and_positive_scale()
        => Prop.ForAll(Series(), values =>
        {
            double[] a = ScoreAll(values);
            double[] b = ScoreAll(values.Select(v => (3.7 * v) - 250.0).ToArray());
            return a.Zip(b).All(p => Math.Abs(p.First - p.Second) <= 1e-6);
        });

    [Property(MaxTest = 40)]
    public Property Appending_data_never_changes_earlier_scores()
        => Prop.ForAll(Series(), Gen.Choose(0, 160).ToArbitrary(), (values, cut) =>
        {
            cut = Math.Min(cut, values.Length);
            double[] full = ScoreAll(values);
            double[] prefix = ScoreAll(values[..cut]);
            return prefix.SequenceEqual(full[..cut]);
        });

    [Property(MaxTest = 30)]
    public Property Batches_with_saved_state_equal_one_backfill()
        => Prop.ForAll(Series(), Gen.Choose(1, 50).ToArbitrary(), (values, batch) =>
        {
            long[] ts = Hours(values.Length);
            double[] full = ScoreAll(values);
            var scores = new double[values.Length];
            byte[] state = [];
            for (int from = 0; from < values.Length; from += batch)
            {
                int len = Math.Min(batch, values.Length - from);
                ISeriesScorer scorer = from == 0 ? Factory.Create() : Factory.Restore(state);
                scorer.Score(ts.AsSpan(from, len), values.AsSpan(from, len), scores.AsSpan(from, len));
                var buffer = new ArrayBufferWriter<byte>();
                scorer.WriteState(buffer);
                state = buffer.WrittenSpan.ToArray();
            }

            return full.SequenceEqual(scores);
        });
}
