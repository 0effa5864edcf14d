using AnomalyHunter.Udfs.Kernels;

namespace AnomalyHunter.Udfs.Detection;

/// <summary>
/// The part of a series' residual tail that the normal model does not explain, on each side of the baseline: how often,
/// beyond a base z, the series has deviated in separate bursts more than a normal series would, and how far.
/// </summary>
/// <remarks>
/// Latency and similar metrics have one-sided bursts (a slow request, a retry storm) that a normal tail calls
/// impossible, so every burst would be an alert. Each side keeps exponentially forgotten counts (half-life
/// <see cref="BurstTailOptions.HalfLife"/> points) of points judged and of <em>bursts</em>: runs of z beyond
/// <see cref="BurstTailOptions.Base"/>, separated by at least <see cref="BurstTailOptions.Gap"/> quiet points, of at most
/// <see cref="BurstTailOptions.MaxBurstPoints"/> points, each counted once with its largest excess. A longer run is an
/// incident or a stretch the model does not fit (a weekend, a nightly batch), which says nothing of the noise's tail.
/// A burst joins the counts only after <see cref="BurstTailOptions.Maturity"/> points on average, so an incident's own
/// short runs do not make its later points ordinary while it lasts. The bursts beyond what the normal tail expects
/// (E = n·Q(base)) and its Poisson noise (2√E + 1) give a burst rate π; their mean excess, with
/// <see cref="BurstTailOptions.Prior"/> pseudo-bursts at the normal mean excess, gives the spread s ≥ 1 of a normal
/// N(0, s²) with that mean excess beyond the base (a contaminated normal, Tukey's model of outliers). A deviation z beyond
/// the base on that side then has the tail probability 2·(Q(z) + π·Q(z/s)/Q(base/s)) instead of 2·Q(z): never more
/// surprising than the normal tail, and exactly it while the side shows no excess. So a series whose upward bursts are
/// common is judged upwards by its own burst tail, and still by the normal tail downwards. Judge a point, then add it
/// (causal); the state is a few numbers per side, so batches with a saved state equal one backfill.
/// </remarks>
internal struct BurstTail
{
    private double _points;
    private Side _up;
    private Side _down;

    /// <summary>Decades of improbability (two-sided, as <see cref="NormalDistribution.TwoSidedSurprise"/>) of a deviation <paramref name="z"/> (≥ 0) on the side of <paramref name="sign"/>.</summary>
    public readonly double Surprise(double z, double sign, BurstTailOptions o) => Surprise(z, NormalDistribution.TwoSidedSurprise(z), sign, o);

    /// <summary>As <see cref="Surprise(double, double, BurstTailOptions)"/>, given the normal surprise <paramref name="normal"/> of <paramref name="z"/> already computed.</summary>
    public readonly double Surprise(double z, double normal, double sign, BurstTailOptions o)
    {
        if (!(z > o.Base))
        {
            return normal;
        }

        Side side = sign >= 0.0 ? _up : _down;
        double excess = ExcessBursts(side, o);
        if (!(excess > 0.0))
        {
            return normal;
        }

        double rate = excess / _points;
        double meanExcess = (side.Excess + (o.Prior * o.NormalMeanExcess)) / (side.Bursts + o.Prior);
        double scale = ScaleOf(meanExcess, o.Base);
        double burst = -Math.Log10(2.0 * rate) - NormalDistribution.Log10UpperTail(z / scale) + NormalDistribution.Log10UpperTail(o.Base / scale);
        double low = Math.Min(normal, burst);
        return Math.Max(0.0, low - Math.Log10(1.0 + Math.Pow(10.0, -Math.Abs(normal - burst))));
    }

    /// <summary>Whether the side of <paramref name="sign"/> has bursts in excess of the normal tail.</summary>
    public readonly bool HasExcess(double sign, BurstTailOptions o) => ExcessBursts(sign >= 0.0 ? _up : _down, o) > 0.0;

    /// <summary>A side's bursts beyond what the normal tail expects (E = n·Q(base)) and its Poisson noise (2√E + 1).</summary>
    private readonly double ExcessBursts(Side side, BurstTailOptions o)
    {
        double expected = _points * o.BaseTail;
        return side.Bursts - expected - (2.0 * Math.Sqrt(expected)) - 1.0;
    }

    /// <summary>The spread s ≥ 1 of a normal N(0, s²) whose mean excess beyond <paramref name="baseZ"/> is <paramref name="meanExcess"/> (bisection; the excess grows with s).</summary>
    internal static double ScaleOf(double meanExcess, double baseZ)
    {
        double lo = 1.0;
        double hi = 64.0;
        if (!(MeanExcess(lo, baseZ) < meanExcess))
        {
            return lo;
        }

        for (int k = 0; k < 40; k++)
        {
            double mid = 0.5 * (lo + hi);
            (lo, hi) = MeanExcess(mid, baseZ) < meanExcess ? (mid, hi) : (lo, mid);
        }

        return 0.5 * (lo + hi);
    }

    /// <summary>Mean excess beyond <paramref name="baseZ"/> of N(0, s²): s·φ(b/s)/Q(b/s) − b.</summary>
    internal static double MeanExcess(double s, double baseZ)
    {
        double b = baseZ / s;
        return (s * Math.Pow(10.0, NormalDistribution.Log10Density(b) - NormalDistribution.Log10UpperTail(b))) - baseZ;
    }

    /// <summary>Counts a judged point with deviation <paramref name="z"/> (≥ 0; NaN is skipped) on the side of <paramref name="sign"/>.</summary>
    public void Add(double z, double sign, BurstTailOptions o)
    {
        if (double.IsNaN(z))
        {
            return;
        }

        _points = (_points * o.Decay) + 1.0;
        bool up = sign >= 0.0;
        _up.Step(up ? z : 0.0, o);
        _down.Step(up ? 0.0 : z, o);
    }

    public readonly void Write(ref StateBufferWriter w)
    {
        w.Write(_points);
        _up.Write(ref w);
        _down.Write(ref w);
    }

    public void Read(ref StateBufferReader r)
    {
        _points = r.ReadDouble();
        _up.Read(ref r);
        _down.Read(ref r);
    }

    /// <summary>One side's forgotten burst count and summed excesses, the run being gathered, and points since its last point beyond the base.</summary>
    private struct Side
    {
        public double Bursts;
        public double Excess;
        public double NewBursts;
        public double NewExcess;
        public long Since;
        public long RunPoints;
        public double RunExcess;

        public void Step(double z, BurstTailOptions o)
        {
            // why: a burst joins the tail only after a while (a share 1/Maturity per point), so an incident's own
            // short runs do not make its later points look ordinary while it lasts.
            double matured = NewBursts * o.MatureRate;
            double maturedExcess = NewExcess * o.MatureRate;
            NewBursts -= matured;
            NewExcess -= maturedExcess;
            Bursts = (Bursts * o.Decay) + matured;
            Excess = (Excess * o.Decay) + maturedExcess;
            if (z > o.Base)
            {
                // why: points beyond the base within Gap of the last one belong to the same run (declustering); a run
                // that has closed was cleared then, so the next point beyond the base starts a new one.
                RunPoints++;
                RunExcess = Math.Max(RunExcess, Math.Min(z - o.Base, o.ExcessClip));
                Since = 0;
                return;
            }

            if (Since < long.MaxValue)
            {
                Since++;
            }

            // why: a run closes Gap quiet points after its last point; only a short one is a burst of the noise, a longer
            // one is an incident or a stretch the model does not fit (a weekend, a nightly batch) and says nothing of the tail.
            if (Since == o.Gap && RunPoints > 0)
            {
                if (RunPoints <= o.MaxBurstPoints)
                {
                    NewBursts += 1.0;
                    NewExcess += RunExcess;
                }

                RunPoints = 0;
                RunExcess = 0.0;
            }
        }

        public readonly void Write(ref StateBufferWriter w)
        {
            w.Write(Bursts);
            w.Write(Excess);
            w.Write(NewBursts);
            w.Write(NewExcess);
            w.Write(Since);
            w.Write(RunPoints);
            w.Write(RunExcess);
        }

        public void Read(ref StateBufferReader r)
        {
            Bursts = r.ReadDouble();
            Excess = r.ReadDouble();
            NewBursts = r.ReadDouble();
            NewExcess = r.ReadDouble();
            Since = r.ReadInt64();
            RunPoints = r.ReadInt64();
            RunExcess = r.ReadDouble();
        }
    }
}
