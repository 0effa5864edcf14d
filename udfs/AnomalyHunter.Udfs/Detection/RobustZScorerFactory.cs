using System.Globalization;

namespace AnomalyHunter.Udfs.Detection;

/// <summary>Creates rolling median/MAD scorers: z = |x − median| / (1.4826·MAD) over a trailing window, scored as a two-sided normal tail.</summary>
public sealed class RobustZScorerFactory : ISeriesScorerFactory
{
    private const int StateVersion = 1;
    private readonly RobustZOptions _options;

    /// <summary>Creates the factory after validating <paramref name="options"/>.</summary>
    public RobustZScorerFactory(RobustZOptions options)
    {
        options.Validate();
        _options = options;
        Fingerprint = string.Create(CultureInfo.InvariantCulture, $"robust-z/v{StateVersion}/w{options.Window}/m{options.MinHistory}");
    }

    /// <inheritdoc />
    public string Name => "robust-z";

    /// <inheritdoc />
    public string Fingerprint { get; }

    /// <inheritdoc />
    public ISeriesScorer Create() => new RobustZScorer(_options);

    /// <inheritdoc />
    public ISeriesScorer Restore(ReadOnlySpan<byte> state) => RobustZScorer.Restore(_options, state, StateVersion);
}
