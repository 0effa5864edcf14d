using AnomalyHunter.Udfs.Detection;

namespace AnomalyHunter.Udfs.Forecast;

/// <summary>Creates forecasting-pass scorers (<c>forecast</c>): additive Holt–Winters refitted at fixed point counts, scored by the tail probability of the forecast error.</summary>
public sealed class ForecastScorerFactory : ISeriesScorerFactory
{
    internal const int StateVersion = 5;
    private readonly ForecastOptions _options;

    /// <summary>Creates the factory after validating <paramref name="options"/>.</summary>
    public ForecastScorerFactory(ForecastOptions options)
    {
        options.Validate();
        _options = options;
        Fingerprint = "forecast/v" + StateVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/" + options.Describe();
    }

    /// <inheritdoc />
    public string Name => "forecast";

    /// <inheritdoc />
    public string Fingerprint { get; }

    /// <inheritdoc />
    public ISeriesScorer Create() => new ForecastScorer(_options);

    /// <inheritdoc />
    public ISeriesScorer Restore(ReadOnlySpan<byte> state) => ForecastScorer.Restore(_options, state);
}
