namespace AnomalyHunter.Synthetic.Generation;

/// <summary>Stream numbers that keep the random choices of each purpose independent of the others.</summary>
internal static class RandomStreams
{
    /// <summary>Per-series parameters (level, amplitudes, phase, trend, noise scale).</summary>
    public const ulong Parameters = 1;

    /// <summary>Per-series noise; independent of the anomalies, so data with and without them differ only where labelled.</summary>
    public const ulong Noise = 2;

    /// <summary>Anomaly placement, one stream per kind.</summary>
    public const ulong Planning = 3;
}
