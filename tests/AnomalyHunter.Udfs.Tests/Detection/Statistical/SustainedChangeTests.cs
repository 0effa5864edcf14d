using AnomalyHunter.Quality.Harness;
using AnomalyHunter.Udfs.Detection.Statistical;
using AnomalyHunter.Udfs.Tests.Forecast;

namespace AnomalyHunter.Udfs.Tests.Detection.Statistical;

public sealed class SustainedChangeTests
{
    private const long StepMs = 300_000L;
    private const int PointsPerWeek = 7 * 288;

    // why: a Monday 00:00 UTC, so the weekend of the synthetic weeks below falls on Saturday and Sunday.
    private const long StartMs = 1_767_571_200_000L;

    [Theory]
    [InlineData(-2.0)]
    [InlineData(-3.0)]
    public void White_noise_reaches_a_tail_probability_about_as_often_as_it_says(double log10P)
    {
        var random = new Random(11);
        var cusum = new Cusum(StatisticalOptions.DefaultSustainedAllowance);
        const int n = 400_000;
        int hits = 0;
        for (int i = 0; i < n; i++)
        {
            if (cusum.Next(ForecastTestData.Gaussian(random)) <= log10P)
            {
                hits++;
            }
        }

        // why: the corrected diffusion approximation is good to tens of percent at these levels; the tolerance is a factor of 1.5 either way.
        double rate = hits / (double)n;
        double nominal = Math.Pow(10.0, log10P);
        Assert.InRange(rate, nominal / 1.5, nominal * 1.5);
    }

    [Theory]
    [InlineData(3.0, 6)]
    [InlineData(5.0, 3)]
    public void A_level_shift_of_k_sigma_is_found_within_n_points(double sigmas, int points)
    {
        var random = new Random(5);
        var cusum = new Cusum(StatisticalOptions.DefaultSustainedAllowance);
        for (int i = 0; i < 2000; i++)
        {
            cusum.Next(ForecastTestData.Gaussian(random));
        }

        cusum.Reset();
        int found = -1;
        for (int i = 0; i < 50 && found < 0; i++)
        {
            // why: a score of 65 (p = 10^-6.5) is what the statistical pass needs to carry the combined deviation past its threshold.
            if (cusum.Next(sigmas + ForecastTestData.Gaussian(random)) <= -6.5)
            {
                found = i + 1;
            }
        }

        Assert.InRange(found, 1, points);
    }

    [Fact]
    public void The_tail_and_the_statistic_are_inverse()
    {
        foreach (double lp in new[] { -1.0, -3.0, -6.5, -10.0 })
        {
            Assert.Equal(lp, Cusum.Log10Tail(Cusum.StatisticAt(lp, 0.7), 0.7), 9);
        }

        Assert.Equal(0.0, Cusum.Log10Tail(0.0, 1.0));
    }

    [Fact]
    public void A_weekend_drop_that_comes_every_week_gives_no_evidence_and_a_shift_in_the_third_week_is_found()
    {
        var random = new Random(3);
        var sustained = new SustainedChange(new StatisticalOptions());
        double strongest = 0.0;
        int shiftAt = (2 * PointsPerWeek) + (2 * 288) + 120;
        int found = -1;
        for (int i = 0; i < 3 * PointsPerWeek; i++)
        {
            long ts = StartMs + (i * StepMs);
            bool weekend = i % PointsPerWeek >= 5 * 288;

            // why: the residual of a daily baseline on weekends: 6 sigma lower than the weekdays it is compared with.
            double e = (weekend ? -6.0 : 0.0) + ForecastTestData.Gaussian(random) + (i >= shiftAt && i < shiftAt + 72 ? 5.0 : 0.0);
            double lp = sustained.Next(ts, e, 0.0);
            if (i < shiftAt)
            {
                strongest = Math.Min(strongest, lp);
            }
            else if (found < 0 && lp <= -6.5)
            {
                found = i - shiftAt + 1;
            }
        }

        Assert.True(strongest > -6.5, $"log10 p reached {strongest} before the shift");
        Assert.InRange(found, 1, 12);
    }

    [Fact]
    public void Earlier_evidence_does_not_depend_on_later_points()
    {
        var random = new Random(9);
        int n = 3 * PointsPerWeek;
        double[] e = new double[n];
        for (int i = 0; i < n; i++)
        {
            e[i] = ForecastTestData.Gaussian(random) + (i > 2 * PointsPerWeek + 300 ? 4.0 : 0.0);
        }

        double[] whole = Evidence(e, n);
        double[] prefix = Evidence(e, (2 * PointsPerWeek) + 400);
        Assert.Equal(prefix, whole.AsSpan(0, prefix.Length).ToArray());
    }

    [Fact]
    public void Daily_batches_through_saved_state_score_like_one_pass_with_the_feature_on()
    {
        var random = new Random(13);
        int n = 10 * 288;
        long[] ts = new long[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++)
        {
            ts[i] = StartMs + (i * StepMs);
            values[i] = 100.0 + (10.0 * Math.Sin(2.0 * Math.PI * i / 288.0)) + ForecastTestData.Gaussian(random) + (i > 8 * 288 && i < (8 * 288) + 72 ? 6.0 : 0.0);
        }

        var factory = new StatisticalScorerFactory(new StatisticalOptions { UseSustained = true });
        double[] once = DailyBatchRunner.RunOnce(factory, ts, values);
        Assert.Equal(once, DailyBatchRunner.Run(factory, ts, values));
        Assert.Contains(once.AsSpan((8 * 288) + 1, 72).ToArray(), s => s > 0.0);
    }

    [Fact]
    public void A_slow_drift_is_found_by_the_drift_statistic_before_the_sustained_one()
    {
        var random = new Random(17);
        var sustained = new SustainedChange(new StatisticalOptions { UseDrift = true });
        int driftAt = (2 * PointsPerWeek) + 100;
        double strongestBefore = 0.0;
        int mainFound = -1;
        int driftFound = -1;
        for (int i = 0; i < 3 * PointsPerWeek; i++)
        {
            // why: a trend of 4 sigma over two days, the slowest the drift feature is meant for.
            double ramp = i >= driftAt ? Math.Min(4.0, 4.0 * (i - driftAt) / 576.0) : 0.0;
            double lp = sustained.Next(StartMs + (i * StepMs), ForecastTestData.Gaussian(random) + ramp, 0.0);
            double drift = sustained.DriftLog10P;
            if (i < driftAt)
            {
                strongestBefore = Math.Min(strongestBefore, drift);
            }
            else
            {
                mainFound = mainFound < 0 && lp <= -6.5 ? i - driftAt : mainFound;
                driftFound = driftFound < 0 && drift <= -6.5 ? i - driftAt : driftFound;
            }
        }

        Assert.True(strongestBefore > -6.5, $"drift log10 p reached {strongestBefore} before the drift");
        Assert.InRange(driftFound, 1, 288);
        Assert.True(mainFound < 0 || driftFound < mainFound, $"drift found after {driftFound} points, the sustained statistic after {mainFound}");
    }

    [Fact]
    public void Drift_evidence_is_zero_when_the_drift_feature_is_off()
    {
        var sustained = new SustainedChange(new StatisticalOptions());
        for (int i = 0; i < 3 * PointsPerWeek; i++)
        {
            sustained.Next(StartMs + (i * StepMs), i > 2 * PointsPerWeek ? 3.0 : 0.0, 0.1);
            Assert.Equal(0.0, sustained.DriftLog10P);
        }
    }

    private static double[] Evidence(double[] e, int n)
    {
        var sustained = new SustainedChange(new StatisticalOptions());
        double[] lp = new double[n];
        for (int i = 0; i < n; i++)
        {
            lp[i] = sustained.Next(StartMs + (i * StepMs), e[i], 0.0);
        }

        return lp;
    }
}
