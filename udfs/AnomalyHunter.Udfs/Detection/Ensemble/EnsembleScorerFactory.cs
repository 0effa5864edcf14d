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
        Fingerprint = "ensemble/v1/" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(options.ToString())))[..16];
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
