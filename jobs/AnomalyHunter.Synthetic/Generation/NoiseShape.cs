namespace AnomalyHunter.Synthetic.Generation;

/// <summary>How the noise of a metric is drawn.</summary>
internal enum NoiseShape
{
    /// <summary>AR(1) Gaussian noise with a fixed standard deviation in value units.</summary>
    Gaussian,

    /// <summary>AR(1) Gaussian noise proportional to the normal mean, plus rare one-sided bursts (heavy right tail).</summary>
    HeavyTailed,

    /// <summary>Large counts per step: Poisson variance plus AR(1) overdispersion, normal approximation, rounded to whole counts.</summary>
    LargeCount,

    /// <summary>Small counts per step: Poisson draws by inversion with an AR(1)-modulated mean.</summary>
    SmallCount,
}
