using System.Buffers;
using AnomalyHunter.Udfs.Detection;
using AnomalyHunter.Udfs.Kernels;

namespace AnomalyHunter.Udfs.Tests.Detection;

public sealed class BurstTailTests
{
    private static readonly BurstTailOptions Options = BurstTailOptions.Default;

    /// <summary>Eight weeks of five-minute standard normal deviations, and with <paramref name="burstShare"/> of points a one-sided upward burst of <paramref name="burstScale"/>·|N(0, 1)|, as heavy-tailed latency has.</summary>
    private static double[] Deviations(int seed, double burstShare, double burstScale)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, 288 * 56).Select(_ => Gaussian(random) + (random.NextDouble() < burstShare ? burstScale * Math.Abs(Gaussian(random)) : 0.0))];
    }

    private static BurstTail Fed(double[] deviations)
    {
        var tail = default(BurstTail);
        foreach (double d in deviations)
        {
            tail.Add(Math.Abs(d), d, Options);
        }

        return tail;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_normal_series_keeps_the_normal_tail(int seed)
    {
        BurstTail tail = Fed(Deviations(seed, 0.0, 0.0));
        foreach (double z in (double[])[3.0, 4.0, 6.0, 8.0, 12.0])
        {
            Assert.Equal(NormalDistribution.TwoSidedSurprise(z), tail.Surprise(z, 1.0, Options));
            Assert.Equal(NormalDistribution.TwoSidedSurprise(z), tail.Surprise(z, -1.0, Options));
        }
    }

    [Fact]
    public void Upward_bursts_are_judged_by_their_own_tail_and_drops_by_the_normal_one()
    {
        BurstTail tail = Fed(Deviations(4, 0.01, 3.0));

        // why: 1 % of points burst by 3·|N|, so a deviation of 8 or more happens about once in 10 000 points (4 decades), not once in 10^15.
        double up8 = tail.Surprise(8.0, 1.0, Options);
        Assert.InRange(up8, 3.0, 6.0);
        Assert.Equal(NormalDistribution.TwoSidedSurprise(8.0), tail.Surprise(8.0, -1.0, Options));

        // why: the burst tail is a wider normal, not an exponential one, so far beyond the bursts it stays within 1.5 decades of the truth (an exponential tail would be off by several).
        foreach (double z in (double[])[8.0, 10.0, 12.0, 16.0])
        {
            double truth = -Math.Log10(2.0 * MixtureUpperTail(z, 0.01, 3.0));
            double judged = tail.Surprise(z, 1.0, Options);
            Assert.True(Math.Abs(judged - truth) < 1.5, $"z {z}: judged {judged} decades, truth {truth}");
        }

        for (double z = 0.5; z < 20.0; z += 0.5)
        {
            Assert.True(tail.Surprise(z, 1.0, Options) <= NormalDistribution.TwoSidedSurprise(z) + 1e-12);
        }
    }

    [Fact]
    public void Long_runs_beyond_the_base_are_incidents_not_bursts()
    {
        // why: a four-hour excursion every day is a stretch the model does not fit (or an incident), not a heavy tail.
        double[] deviations = Deviations(5, 0.0, 0.0);
        for (int day = 0; day < 56; day++)
        {
            for (int i = 0; i < 48; i++)
            {
                deviations[(day * 288) + 100 + i] += 6.0;
            }
        }

        BurstTail tail = Fed(deviations);
        Assert.Equal(NormalDistribution.TwoSidedSurprise(9.0), tail.Surprise(9.0, 1.0, Options));
    }

    [Fact]
    public void Bursts_join_the_tail_only_after_a_while()
    {
        // why: an incident's own short runs must not make its later points ordinary while it lasts (maturity about a day).
        double[] quiet = Deviations(6, 0.0, 0.0);
        double[] withBursts = [.. quiet];
        for (int k = 0; k < 10; k++)
        {
            withBursts[quiet.Length - 200 + (k * 15)] = 7.0;
        }

        BurstTail tail = Fed(withBursts);
        double soon = tail.Surprise(8.0, 1.0, Options);
        var later = tail;
        for (int i = 0; i < 288 * 3; i++)
        {
            later.Add(0.0, 1.0, Options);
        }

        double afterDays = later.Surprise(8.0, 1.0, Options);
        Assert.True(soon > afterDays + 3.0, $"just after the bursts {soon} decades, three days later {afterDays}");
    }

    [Fact]
    public void A_saved_and_restored_tail_continues_exactly()
    {
        double[] deviations = Deviations(7, 0.01, 3.0);
        var whole = default(BurstTail);
        var daily = default(BurstTail);
        for (int i = 0; i < deviations.Length; i++)
        {
            if (i % 288 == 0)
            {
                var buffer = new ArrayBufferWriter<byte>();
                var w = new StateBufferWriter(buffer);
                daily.Write(ref w);
                var r = new StateBufferReader(buffer.WrittenSpan);
                daily = default;
                daily.Read(ref r);
                Assert.True(r.AtEnd);
            }

            double z = Math.Abs(deviations[i]);
            Assert.Equal(whole.Surprise(z, deviations[i], Options), daily.Surprise(z, deviations[i], Options));
            whole.Add(z, deviations[i], Options);
            daily.Add(z, deviations[i], Options);
        }
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.5)]
    [InlineData(4.0)]
    public void The_burst_spread_has_the_mean_excess_it_was_fitted_to(double meanExcess)
    {
        double s = BurstTail.ScaleOf(meanExcess, Options.Base);

        // why: the reference is the mean excess of N(0, s²) beyond the base, integrated numerically.
        double mass = 0.0;
        double moment = 0.0;
        for (double x = Options.Base; x < Options.Base + (40.0 * s); x += 1e-3 * s)
        {
            double density = Math.Exp(-0.5 * (x / s) * (x / s));
            mass += density;
            moment += density * (x - Options.Base);
        }

        Assert.Equal(meanExcess, moment / mass, 2);
        Assert.Equal(1.0, BurstTail.ScaleOf(Options.NormalMeanExcess * 0.9, Options.Base));
    }

    /// <summary>P(N + B &gt; z) where B is <paramref name="scale"/>·|N(0, 1)| with probability <paramref name="share"/>, else 0 (numerical integration over the burst).</summary>
    private static double MixtureUpperTail(double z, double share, double scale)
    {
        static double Upper(double x) => 0.5 * NormalDistribution.Erfc(x / Math.Sqrt(2.0));
        double burst = 0.0;
        const double Step = 1e-3;
        for (double m = Step / 2.0; m < 12.0; m += Step)
        {
            burst += 2.0 * Math.Exp(-0.5 * m * m) / Math.Sqrt(2.0 * Math.PI) * Upper(z - (scale * m)) * Step;
        }

        return ((1.0 - share) * Upper(z)) + (share * burst);
    }

    private static double Gaussian(Random random) => Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
}
