using AnomalyHunter.Udfs.Kernels;

namespace AnomalyHunter.Udfs.Tests.Kernels;

public sealed class HoltWintersTests
{
    private static double[] SeasonalSeries(int seed, int n, int period)
    {
        var random = new Random(seed);
        var values = new double[n];
        for (int t = 0; t < n; t++)
        {
            values[t] = 50.0 + (0.01 * t) + (10.0 * Math.Sin(2.0 * Math.PI * t / period)) + (2.0 * (random.NextDouble() - 0.5));
        }

        return values;
    }

    // The textbook component form: ℓ_t = α(x − s) + (1 − α)(ℓ + b); b_t = β(ℓ_t − ℓ) + (1 − β)b; s_t = γ(x − ℓ_t) + (1 − γ)s.
    private static double[] ComponentFormForecasts(double[] x, int m, double alpha, double beta, double gamma)
    {
        var forecasts = Enumerable.Repeat(double.NaN, x.Length).ToArray();
        double level = x.Take(m).Average();
        double trend = x.Length >= 2 * m ? (x.Skip(m).Take(m).Average() - level) / m : 0.0;
        var season = x.Take(m).Select(v => v - level).ToArray();
        for (int t = m; t < x.Length; t++)
        {
            forecasts[t] = level + trend + season[t % m];
            double newLevel = (alpha * (x[t] - season[t % m])) + ((1 - alpha) * (level + trend));
            trend = (beta * (newLevel - level)) + ((1 - beta) * trend);
            season[t % m] = (gamma * (x[t] - newLevel)) + ((1 - gamma) * season[t % m]);
            level = newLevel;
        }

        return forecasts;
    }

    [Theory]
    [InlineData(1, 12, 0.3, 0.1, 0.2)]
    [InlineData(2, 24, 0.05, 0.0, 0.5)]
    [InlineData(3, 7, 0.9, 0.3, 0.02)]
    public void Filter_matches_the_component_form_recursion(int seed, int period, double alpha, double beta, double gamma)
    {
        double[] x = SeasonalSeries(seed, 600, period);
        var forecasts = new double[x.Length];
        HoltWinters.Filter(x, period, new HoltWintersParameters(alpha, beta, gamma), forecasts);
        double[] expected = ComponentFormForecasts(x, period, alpha, beta, gamma);
        for (int t = 0; t < x.Length; t++)
        {
            if (double.IsNaN(expected[t]))
            {
                Assert.True(double.IsNaN(forecasts[t]));
            }
            else
            {
                Assert.Equal(expected[t], forecasts[t], 9);
            }
        }
    }

    [Fact]
    public void Fit_returns_the_grid_point_whose_filter_error_it_reports()
    {
        double[] x = SeasonalSeries(7, 2000, 24);
        (HoltWintersParameters p, double sse) = HoltWinters.Fit(x, 24);
        var forecasts = new double[x.Length];
        Assert.Equal(HoltWinters.Filter(x, 24, p, forecasts), sse, 6);
        Assert.True(sse <= HoltWinters.Filter(x, 24, new HoltWintersParameters(0.5, 0.1, 0.1), forecasts));
    }

    [Fact]
    public void A_series_shorter_than_a_period_has_no_forecasts()
    {
        var forecasts = new double[3];
        Assert.True(double.IsNaN(HoltWinters.Filter([1.0, 2.0, 3.0], 5, new HoltWintersParameters(0.5, 0.1, 0.1), forecasts)));
        Assert.All(forecasts, f => Assert.True(double.IsNaN(f)));
    }
}
