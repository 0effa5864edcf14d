using System.Buffers;
using AnomalyHunter.Udfs.Multivariate;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AnomalyHunter.Udfs.Tests.Multivariate;

public sealed class PcaPropertyTests
{
    private static readonly PcaGroupScorerFactory Factory = new(new PcaOptions { MinRows = 20, RefitEvery = 32 });

    private sealed record Group(int Columns, double[] Matrix)
    {
        public int Rows => Matrix.Length / Columns;
    }

    private static Arbitrary<Group> Groups() =>
        (from p in Gen.Choose(2, 5)
         from n in Gen.Choose(0, 150)
         from seed in Gen.Choose(0, 100_000)
         select Make(p, n, seed)).ToArbitrary();

    private static Group Make(int p, int n, int seed)
    {
        var random = new Random(seed);
        var m = new double[n * p];
        for (int i = 0; i < n; i++)
        {
            int f = random.Next(-10, 11);
            for (int j = 0; j < p; j++)
            {
                m[(i * p) + j] = random.Next(30) == 0 ? double.NaN : (j * f) + random.Next(-5, 6) + (random.Next(50) == 0 ? 40 : 0);
            }
        }

        return new Group(p, m);
    }

    private static double[] ScoreAll(Group g)
    {
        var scores = new double[g.Rows];
        Factory.Create(g.Columns).Score(GroupTestData.Timestamps(g.Rows), g.Matrix, scores, Span<double>.Empty, Span<double>.Empty);
        return scores;
    }

    [Property(MaxTest = 30)]
    public Property A_constant_group_has_no_anomalies()
        => Prop.ForAll(Gen.Choose(2, 6).ToArbitrary(), Gen.Choose(0, 120).ToArbitrary(), (p, n) =>
            ScoreAll(new Group(p, Enumerable.Range(0, n * p).Select(i => (i % p) * 3.5 - 2.0).ToArray())).All(s => s == 0.0));

    [Property(MaxTest = 30)]
    public Property Scores_do_not_change_under_per_series_shift_and_positive_scale()
        => Prop.ForAll(Groups(), g =>
        {
            double[] moved = g.Matrix.Select((v, i) => (v * (1.5 + (i % g.Columns))) + (100.0 * (i % g.Columns)) - 7.0).ToArray();
            double[] a = ScoreAll(g);
            double[] b = ScoreAll(g with { Matrix = moved });
            return a.Zip(b).All(t => Math.Abs(t.First - t.Second) <= 1e-6);
        });

    [Property(MaxTest = 30)]
    public Property Appending_rows_never_changes_earlier_scores()
        => Prop.ForAll(Groups(), Gen.Choose(0, 150).ToArbitrary(), (g, cut) =>
        {
            cut = Math.Min(cut, g.Rows);
            double[] full = ScoreAll(g);
            double[] prefix = ScoreAll(g with { Matrix = g.Matrix[..(cut * g.Columns)] });
            return prefix.SequenceEqual(full[..cut]);
        });

    [Property(MaxTest = 20)]
    public Property Batches_with_saved_state_equal_one_backfill()
        => Prop.ForAll(Groups(), Gen.Choose(1, 40).ToArbitrary(), (g, batch) =>
        {
            long[] ts = GroupTestData.Timestamps(g.Rows);
            double[] full = ScoreAll(g);
            var scores = new double[g.Rows];
            byte[] state = [];
            for (int from = 0; from < g.Rows; from += batch)
            {
                int len = Math.Min(batch, g.Rows - from);
                PcaGroupScorer scorer = from == 0 ? Factory.Create(g.Columns) : Factory.Restore(state);
                scorer.Score(ts.AsSpan(from, len), g.Matrix.AsSpan(from * g.Columns, len * g.Columns), scores.AsSpan(from, len), Span<double>.Empty, Span<double>.Empty);
                var buffer = new ArrayBufferWriter<byte>();
                scorer.WriteState(buffer);
                state = buffer.WrittenSpan.ToArray();
            }

            return full.SequenceEqual(scores);
        });
}
