namespace AnomalyHunter.Synthetic.Generation;

/// <summary>Fixed constants of the noise models.</summary>
internal static class NoiseConstants
{
    /// <summary>Chance per point of a one-sided burst in heavy-tailed noise.</summary>
    public const double BurstProbability = 0.01;

    /// <summary>Scale of a burst: |N(0, 1)| times this, in noise standard deviations.</summary>
    public const double BurstScale = 3.0;

    /// <summary><see cref="BurstProbability"/> as a threshold on 64 random bits.</summary>
    public const ulong BurstThreshold = (ulong)(BurstProbability * 18446744073709551616.0);
}
