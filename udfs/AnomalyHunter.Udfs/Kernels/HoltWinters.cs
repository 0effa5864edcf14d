using System.Buffers;

namespace AnomalyHunter.Udfs.Kernels;

/// <summary>Additive Holt–Winters (level, trend, season of a fixed period in points): one-step-ahead filtering and least-squares fitting.</summary>
public static class HoltWinters
{
    private static readonly double[] AlphaGrid = [0.02, 0.05, 0.1, 0.2, 0.4, 0.7];
    private static readonly double[] BetaGrid = [0.0, 0.01, 0.05, 0.2];
    private static readonly double[] GammaGrid = [0.02, 0.05, 0.1, 0.2, 0.4];

    /// <summary>Writes one-step-ahead forecasts and returns the sum of squared one-step errors.</summary>
    /// <remarks>
    /// Initialisation: level = mean of the first period, trend = (mean of the second period − mean of the first) / period
    /// (0 with fewer than two periods), season = first period minus the level. Forecasts of the first period are NaN.
    /// Error-correction form: e = x − (ℓ + b + s); ℓ += b + αe; b += αβe; s += γ(1 − α)e.
    /// A NaN value gets a forecast but does not update the state and adds no error. Needs at least one full period.
    /// </remarks>
    public static double Filter(ReadOnlySpan<double> values, int period, HoltWintersParameters p, Span<double> forecasts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        if (forecasts.Length != values.Length)
        {
            throw new ArgumentException("Forecasts must have the length of the input.", nameof(forecasts));
        }

        if (values.Length < period)
        {
            forecasts.Fill(double.NaN);
            return double.NaN;
        }

        double[] rented = ArrayPool<double>.Shared.Rent(period);
        try
        {
            Span<double> season = rented.AsSpan(0, period);
            (double level, double trend) = Initialise(values, period, season);
            forecasts[..period].Fill(double.NaN);
            return Run(values, period, p, season, level, trend, forecasts);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>The grid point (α, β, γ) with the smallest sum of squared one-step errors, and that sum; NaN error when the series is shorter than a period.</summary>
    public static (HoltWintersParameters Parameters, double SumSquaredErrors) Fit(ReadOnlySpan<double> values, int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        if (values.Length < period)
        {
            return (new HoltWintersParameters(AlphaGrid[0], BetaGrid[0], GammaGrid[0]), double.NaN);
        }

        double[] rented = ArrayPool<double>.Shared.Rent(2 * period);
        try
        {
            Span<double> initialSeason = rented.AsSpan(0, period);
            Span<double> season = rented.AsSpan(period, period);
            (double level, double trend) = Initialise(values, period, initialSeason);
            var best = new HoltWintersParameters(AlphaGrid[0], BetaGrid[0], GammaGrid[0]);
            double bestSse = double.PositiveInfinity;
            foreach (double a in AlphaGrid)
            {
                foreach (double b in BetaGrid)
                {
                    foreach (double g in GammaGrid)
                    {
                        initialSeason.CopyTo(season);
                        var candidate = new HoltWintersParameters(a, b, g);
                        double sse = Run(values, period, candidate, season, level, trend, Span<double>.Empty);
                        if (sse < bestSse)
                        {
                            bestSse = sse;
                            best = candidate;
                        }
                    }
                }
            }

            return (best, bestSse);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    private static (double Level, double Trend) Initialise(ReadOnlySpan<double> values, int period, Span<double> season)
    {
        double level = MeanOfFinite(values[..period]);
        double trend = values.Length >= 2 * period ? (MeanOfFinite(values.Slice(period, period)) - level) / period : 0.0;
        if (!double.IsFinite(trend))
        {
            trend = 0.0;
        }

        for (int j = 0; j < period; j++)
        {
            season[j] = double.IsFinite(values[j]) ? values[j] - level : 0.0;
        }

        return (level, trend);
    }

    private static double Run(ReadOnlySpan<double> values, int period, HoltWintersParameters p, Span<double> season, double level, double trend, Span<double> forecasts)
    {
        double sse = 0.0;
        double ab = p.Alpha * p.Beta;
        double g = p.Gamma * (1.0 - p.Alpha);
        bool write = !forecasts.IsEmpty;
        int j = 0;
        for (int t = period; t < values.Length; t++)
        {
            double forecast = level + trend + season[j];
            if (write)
            {
                forecasts[t] = forecast;
            }

            double x = values[t];
            if (double.IsFinite(x))
            {
                double e = x - forecast;
                sse += e * e;
                level += trend + (p.Alpha * e);
                trend += ab * e;
                season[j] += g * e;
            }

            j = j + 1 == period ? 0 : j + 1;
        }

        return sse;
    }

    private static double MeanOfFinite(ReadOnlySpan<double> values)
    {
        double sum = 0.0;
        int n = 0;
        foreach (double v in values)
        {
            if (double.IsFinite(v))
            {
                sum += v;
                n++;
            }
        }

        return n == 0 ? 0.0 : sum / n;
    }
}
