namespace AnomalyHunter.Udfs.Detection.Ensemble;

/// <summary>Creates and restores ensemble scorers for one configuration.</summary>
public sealed class EnsembleScorerFactory : ISeriesScorerFactory
{
    private readonly EnsembleOptions _options;

    /// <summary>Creates the factory after validating <paramref name="options"/>.</summary>
    public EnsembleScorerFactory(EnsembleOptions options)
    {
        options.Validate();
        _options = options;
        Fingerprint = "ensemble/v1/" + options.GetHashCode().ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public string Name => "ensemble";

    /// <inheritdoc />
    public string Fingerprint { get; }

    /// <inheritdoc />
    public ISeriesScorer Create() => new EnsembleScorer(_options);

    /// <inheritdoc />
    public ISeriesScorer Restore(ReadOnlySpan<byte> state) => EnsembleScorer.Restore(_options, state);
}
