namespace AnomalyHunter.Udfs.Detection;

/// <summary>Settings of a <see cref="BurstTail"/>, with the constants derived from them.</summary>
internal sealed class BurstTailOptions
{
    /// <summary>
    /// Settings: a run of points beyond z = <paramref name="baseZ"/> (separated from the next by <paramref name="gap"/>
    /// quiet points) with at most <paramref name="maxBurstPoints"/> points is a burst; a burst joins the tail after
    /// <paramref name="maturity"/> points on average; counts forget with <paramref name="halfLife"/> points; one burst's
    /// excess is clipped at <paramref name="excessClip"/>; the mean excess starts from <paramref name="prior"/> pseudo-bursts
    /// at the normal mean excess.
    /// </summary>
    public BurstTailOptions(double baseZ = 3.5, double halfLife = 8640.0, long gap = 12, long maxBurstPoints = 2, double maturity = 288.0, double excessClip = 6.0, double prior = 2.0)
    {
        Base = baseZ;
        HalfLife = halfLife;
        Gap = gap;
        MaxBurstPoints = maxBurstPoints;
        Maturity = maturity;
        ExcessClip = excessClip;
        Prior = prior;
        Decay = Math.Pow(0.5, 1.0 / halfLife);
        MatureRate = maturity <= 1.0 ? 1.0 : 1.0 / maturity;
        BaseTail = Math.Pow(10.0, NormalDistribution.Log10UpperTail(baseZ));
        NormalMeanExcess = BurstTail.MeanExcess(1.0, baseZ);
    }

    /// <summary>
    /// The default settings: base 3.5 (a normal series has about one point in 4,300 beyond it per side), half-life
    /// 8,640 points (30 days of 5-minute data), gap 12 points (an hour), bursts of at most 2 points, maturity 288 points
    /// (a day), clip 6, prior 2. Chosen on synthetic data of seeds 42, 7 and 1234 and checked on seeds 11 and 99 (see
    /// the README's detection figures).
    /// </summary>
    public static BurstTailOptions Default { get; } = new();

    /// <summary>Deviation (z) beyond which points count as a burst.</summary>
    public double Base { get; }

    /// <summary>Half-life, in points judged, of the counts.</summary>
    public double HalfLife { get; }

    /// <summary>Points without a deviation beyond the base that separate two runs.</summary>
    public long Gap { get; }

    /// <summary>Most points beyond the base that a run may have to count as a burst.</summary>
    public long MaxBurstPoints { get; }

    /// <summary>Mean delay, in points, before a burst counts in the tail.</summary>
    public double Maturity { get; }

    /// <summary>Largest excess (in z) one burst adds to the mean excess.</summary>
    public double ExcessClip { get; }

    /// <summary>Pseudo-bursts at the normal mean excess that the mean excess starts from.</summary>
    public double Prior { get; }

    /// <summary>Per-point forgetting factor of the counts.</summary>
    public double Decay { get; }

    /// <summary>Share of the bursts not yet counted that join the tail per point.</summary>
    public double MatureRate { get; }

    /// <summary>The normal one-sided tail beyond <see cref="Base"/>: Q(base).</summary>
    public double BaseTail { get; }

    /// <summary>The normal mean excess beyond <see cref="Base"/>: φ(base)/Q(base) − base.</summary>
    public double NormalMeanExcess { get; }
}
