using System.Globalization;

namespace AnomalyHunter.Udfs.Multivariate;

/// <summary>Creates and restores PCA group scorers (<c>pca</c>) of one configuration.</summary>
public sealed class PcaGroupScorerFactory
{
    internal const int StateVersion = 1;

    /// <summary>Most series a group may hold.</summary>
    public const int MaxColumns = 1000;

    private readonly PcaOptions _options;

    /// <summary>The settings the scorers are made with.</summary>
    public PcaOptions Options => _options;

    /// <summary>Creates the factory after validating <paramref name="options"/>.</summary>
    public PcaGroupScorerFactory(PcaOptions options)
    {
        options.Validate();
        _options = options;
        Fingerprint = string.Create(CultureInfo.InvariantCulture, $"pca/v{StateVersion}/{options.Describe()}");
    }

    /// <summary>Short name of the pass.</summary>
    public string Name => "pca";

    /// <summary>A stable hash of the pass's version and configuration; saved state is only valid for the same fingerprint.</summary>
    public string Fingerprint { get; }

    /// <summary>A scorer with empty history for a group of <paramref name="columns"/> series (1 to <see cref="MaxColumns"/>).</summary>
    public PcaGroupScorer Create(int columns)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(columns, MaxColumns);
        return new PcaGroupScorer(_options, columns);
    }

    /// <summary>A scorer that continues from state written by <see cref="PcaGroupScorer.WriteState"/>.</summary>
    public PcaGroupScorer Restore(ReadOnlySpan<byte> state) => PcaGroupScorer.Restore(_options, state);
}
