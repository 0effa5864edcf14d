using AnomalyHunter.Udfs.Forecast;
using AnomalyHunter.Udfs.Kernels;

namespace AnomalyHunter.Udfs.Tests.Forecast;

public sealed class EtsRecursionTests
{
    // The textbook component form, stepped slot by slot: a missing slot only carries the level forward by the trend.
    private static double[] SlowForecasts(double[] x, long[] slots, int m, HoltWintersParameters p, double level, double trend, double[] season0, long lastSlot, int start)
    {
        var season = (double[])season0.Clone();
        var forecasts = new double[x.Length];
        long slot = lastSlot;
        for (int i = start; i < x.Length; i++)
        {
            while (slot + 1 < slots[i])
            {
                slot++;
                level += trend;
            }

            slot++;
            int phase = m > 1 ? (int)(slot % m) : 0;
            double s = m > 1 ? season[phase] : 0.0;
            forecasts[i] = level + trend + s;
            double newLevel = (p.Alpha * (x[i] - s)) + ((1 - p.Alpha) * (level + trend));
            trend = (p.Beta * (newLevel - level)) + ((1 - p.Beta) * trend);
            if (m > 1)
            {
                season[phase] = (p.Gamma * (x[i] - newLevel)) + ((1 - p.Gamma) * s);
            }

            level = newLevel;
        }

        return forecasts;
    }

    [Theory]
    [InlineData(1, 12, 0.3, 0.1, 0.2, 0.0)]
    [InlineData(2, 24, 0.05, 0.0, 0.5, 0.1)]
    [InlineData(3, 7, 0.9, 0.3, 0.02, 0.3)]
    [InlineData(4, 1, 0.4, 0.2, 0.0, 0.2)]
    public void Model_updates_match_the_component_form_stepped_slot_by_slot(int seed, int period, double alpha, double beta, double gamma, double dropRate)
    {
        (long[] ts, double[] x) = ForecastTestData.Seasonal(seed, 800, ForecastTestData.HourMs, Math.Max(period, 2), 10.0, 1.0, dropRate);
        var kind = period > 1 ? ForecastModelKind.Seasonal : ForecastModelKind.LevelTrend;
        var p = new HoltWintersParameters(alpha, beta, gamma);
        var model = new EtsModel(kind, period, p, ForecastTestData.HourMs);
        long[] slots = ts.Select(model.Slot).ToArray();
        int start = EtsFitter.Initialise(model, x, slots);
        double[] expected = SlowForecasts(x, slots, period, p, model.Level, model.Trend, model.Season, model.LastSlot, start);
        double sse = 0.0;
        for (int i = start; i < x.Length; i++)
        {
            int h = model.Horizon(slots[i]);
            double forecast = model.Predict(slots[i], h);
            Assert.Equal(expected[i], forecast, 1e-9);
            double e = model.Update(slots[i], x[i]);
            sse += e * e / model.VarianceFactor(h);
        }

        var fresh = new EtsModel(kind, period, p, ForecastTestData.HourMs);
        EtsFitter.Initialise(fresh, x, slots);
        (int[] phases, int[] gaps) = EtsFitter.Steps(fresh, slots);
        Assert.Equal(sse, EtsFitter.Sse(fresh, p, x, phases, gaps, start), sse * 1e-12);
    }

    [Theory]
    [InlineData(0.3, 0.1, 0.2, 12)]
    [InlineData(0.8, 0.5, 0.6, 5)]
    [InlineData(0.1, 0.0, 0.0, 1)]
    public void Variance_factor_closed_form_equals_the_direct_sum(double alpha, double beta, double gamma, int m)
    {
        var p = new HoltWintersParameters(alpha, beta, gamma);
        double ge = m > 1 ? gamma * (1 - alpha) : 0.0;
        for (int h = 1; h <= 60; h++)
        {
            double direct = 1.0;
            for (int j = 1; j < h; j++)
            {
                double c = alpha + (alpha * beta * j) + (m > 1 && j % m == 0 ? ge : 0.0);
                direct += c * c;
            }

            Assert.Equal(direct, EtsVariance.Factor(h, p, m), direct * 1e-12);
        }
    }

    [Fact]
    public void Variance_factor_matches_the_spread_of_simulated_h_step_errors()
    {
        const int m = 4;
        const int h = 9;
        const int runs = 20_000;
        var p = new HoltWintersParameters(0.4, 0.3, 0.5);
        var random = new Random(5);
        double sum2 = 0.0;
        for (int r = 0; r < runs; r++)
        {
            var model = new EtsModel(ForecastModelKind.Seasonal, m, p, 1) { Level = 10.0, Trend = 0.5, LastSlot = 0 };
            double forecast = model.Predict(h, h);
            for (long slot = 1; slot <= h; slot++)
            {
                double x = model.Predict(slot, 1) + ForecastTestData.Gaussian(random);
                if (slot < h)
                {
                    model.Update(slot, x);
                }
                else
                {
                    sum2 += (x - forecast) * (x - forecast);
                }
            }
        }

        double expected = EtsVariance.Factor(h, p, m);
        Assert.InRange(sum2 / runs, expected * 0.95, expected * 1.05);
    }
}
