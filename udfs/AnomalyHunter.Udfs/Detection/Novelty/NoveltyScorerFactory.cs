using System.Security.Cryptography;
using System.Text;

namespace AnomalyHunter.Udfs.Detection.Novelty;

/// <summary>Creates and restores novelty scorers (<see cref="IDeviationSeriesScorer"/>: an alert at the onset of something new, and a deviation score per point) for one configuration.</summary>
public sealed class NoveltyScorerFactory : ISeriesScorerFactory
{
    private readonly NoveltyOptions _options;

    /// <summary>Creates the factory after validating <paramref name="options"/>.</summary>
    public NoveltyScorerFactory(NoveltyOptions options)
    {
        options.Validate();
        _options = options;
        Fingerprint = "novelty/v4/" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(options.ToString())))[..16];
    }

    /// <inheritdoc />
    public string Name => "novelty";

    /// <inheritdoc />
    public string Fingerprint { get; }

    /// <inheritdoc />
    public ISeriesScorer Create() => new NoveltyScorer(_options);

    /// <inheritdoc />
    public ISeriesScorer Restore(ReadOnlySpan<byte> state) => NoveltyScorer.Restore(_options, state);
}
