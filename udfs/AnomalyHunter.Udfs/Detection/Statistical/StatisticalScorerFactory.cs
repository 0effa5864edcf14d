using System.Security.Cryptography;
using System.Text;

namespace AnomalyHunter.Udfs.Detection.Statistical;

/// <summary>Creates and restores statistical-detector scorers for one configuration.</summary>
public sealed class StatisticalScorerFactory : ISeriesScorerFactory
{
    private readonly StatisticalOptions _options;

    /// <summary>Creates the factory after validating <paramref name="options"/>.</summary>
    public StatisticalScorerFactory(StatisticalOptions options)
    {
        options.Validate();
        _options = options;
        Fingerprint = "statistical/v1/" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(options.ToString())))[..16];
    }

    /// <inheritdoc />
    public string Name => "statistical";

    /// <inheritdoc />
    public string Fingerprint { get; }

    /// <inheritdoc />
    public ISeriesScorer Create() => new StatisticalScorer(_options);

    /// <inheritdoc />
    public ISeriesScorer Restore(ReadOnlySpan<byte> state) => StatisticalScorer.Restore(_options, state);
}
