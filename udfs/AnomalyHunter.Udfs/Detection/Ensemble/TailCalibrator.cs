namespace AnomalyHunter.Udfs.Detection.Ensemble;

/// <summary>Calibrates a raw surprise (decades of nominal improbability) against the series' own recent tail: an exponential tail above a base level, fitted with exponential forgetting.</summary>
/// <remarks>
/// Model: P(U &gt; u) = π·exp(−(u − u0)/β) for u ≥ u0, where π is the recent fraction of points above the base
/// level u0 and β their mean excess. For a series whose raw surprises are exactly nominal, π = 10^(−u0) and
/// β = 1/ln 10, so the calibrated probability equals the nominal one. Heavier tails give larger π or β and
/// therefore smaller calibrated scores. The prior is the nominal tail with a pseudo-count of observations.
/// </remarks>
internal struct TailCalibrator
{
    private const double NominalMeanExcess = 0.43429448190325176; // 1 / ln 10: the mean excess of −log10(U) for uniform U

    public double Total;
    public double Over;
    public double Excess;

    /// <summary>A calibrator holding only the nominal prior with <paramref name="priorCount"/> pseudo-observations.</summary>
    public static TailCalibrator WithPrior(double baseLevel, double priorCount)
    {
        double over = priorCount * Math.Pow(10.0, -baseLevel);
        return new TailCalibrator { Total = priorCount, Over = over, Excess = over * NominalMeanExcess };
    }

    /// <summary>A calibrator with a prior on log|z| for a standard normal |z| above <paramref name="baseZ"/>.</summary>
    public static TailCalibrator WithLogPrior(double baseZ, double priorCount)
    {
        double pi = 2.0 * Math.Pow(10.0, NormalDistribution.Log10UpperTail(baseZ));
        double over = priorCount * pi;

        // why: for a normal tail above z0 the excess of ln|z| has mean ≈ 1/z0² (the tail decays like exp(−z²/2)).
        return new TailCalibrator { Total = priorCount, Over = over, Excess = over / (baseZ * baseZ) };
    }

    /// <summary>Calibrated tail probability of surprise <paramref name="u"/> under the current tail model.</summary>
    public readonly double TailProbability(double u, double baseLevel)
    {
        if (u <= 0.0)
        {
            return 1.0;
        }

        double pi = Over / Total;
        double beta = Excess / Over;
        return Math.Min(1.0, pi * Math.Exp(-(u - baseLevel) / beta));
    }

    /// <summary>Adds <paramref name="u"/> to the tail model after forgetting by <paramref name="decay"/>; one excess counts at most <paramref name="excessClip"/> mean excesses.</summary>
    public void Update(double u, double baseLevel, double decay, double excessClip)
    {
        double clip = excessClip * (Excess / Over);
        Total = (Total * decay) + 1.0;
        Over *= decay;
        Excess *= decay;
        if (u > baseLevel)
        {
            Over += 1.0;
            Excess += Math.Min(u - baseLevel, clip);
        }
    }
}
