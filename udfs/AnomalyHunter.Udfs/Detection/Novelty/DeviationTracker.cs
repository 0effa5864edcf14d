using AnomalyHunter.Udfs.Kernels;

namespace AnomalyHunter.Udfs.Detection.Novelty;

/// <summary>A robust, exponentially weighted baseline (location and scale) that deviating points barely move, and the deviation score of each point against it.</summary>
/// <remarks>
/// Location and scale start as plain averages (mean, and mean absolute deviation from it) over the first points,
/// then become exponentially weighted with half-life <see cref="NoveltyOptions.DeviationHalfLife"/>. A point's
/// standardised deviation z = |x − location| / (1.2533 × mean absolute deviation) is scored as a two-sided normal
/// tail adjusted for <see cref="NoveltyOptions.DeviationFamily"/> tests (Bonferroni), so the default threshold marks
/// deviations rarer than once per that many points. A point within <see cref="NoveltyOptions.DeviationClip"/> scales
/// updates both estimates (its residual clipped there); a point beyond does not update the scale and moves the
/// location only at <see cref="NoveltyOptions.DeviationAbsorb"/> of the rate, so an incident does not become the
/// baseline while it lasts, yet a lasting level shift is absorbed in time. Zero scale: equal values score 0, others 100.
/// Given the values' quantum q (<see cref="CountLattice"/>), a point above the baseline is also read as a Poisson
/// count with the baseline's variance: mean λ = (σ/q)², count k = λ + (x − location)/q, and z the signed root of the
/// deviance 2(k′·ln(k′/λ) − (k′ − λ)) at k′ = k − ½ (continuity), whose normal tail follows the Poisson tail closely far
/// out; the normal z moves towards the smaller count z (geometrically, by <see cref="NoveltyOptions.CountDeviation"/>). A small count's upper tail is much heavier than the normal one (a 5
/// where 1 is usual is a 4.3 σ point but happens a few times a day); for large λ or a fine quantum (measured values)
/// the two agree, and below the baseline the normal z is kept. With <see cref="NoveltyOptions.BurstTail"/>, the judged z
/// is read against the series' own burst tail on its side of the baseline (<see cref="BurstTail"/>), so one-sided bursts
/// that the series has often are not deviations, while the other side keeps the normal tail.
/// </remarks>
internal sealed class DeviationTracker
{
    private const double MeanAbsToSigma = 1.2533;

    // why: past a mean of a million counts the Poisson and normal tails agree to the score's resolution (and a fine quantum must not overflow).
    private const double MaxCountMean = 1e6;

    // why: below this Poisson mean a count's skewed upper tail is judged by the count's own tail (CountDeviation); the
    // burst tail would count that skew again as bursts and mute count spikes (measured: 3 of 4 lost count spikes on synthetic seed 7).
    private const double SmallCountMean = 1000.0;

    // why: a relative gap in z far beyond the rounding of the tail (about 1e-15), within which scores are computed rather than ordered by z.
    private const double SkipMargin = 1e-9;
    private static Tuple<double, double>? s_zeroBound;
    private readonly NoveltyOptions _o;
    private readonly double _rate;
    private readonly double _log10Family;
    private readonly double _zeroBelow;
    private long _n;
    private double _location;
    private double _meanAbs;
    private BurstTail _burst;

    public DeviationTracker(NoveltyOptions o)
    {
        _o = o;
        _rate = 1.0 - Math.Pow(0.5, 1.0 / o.DeviationHalfLife);
        _log10Family = Math.Log10(o.DeviationFamily);
        _zeroBelow = ZeroScoreBound(_log10Family);
    }

    /// <summary>A z below which the corrected score is surely 0 (so the tail need not be computed): <see cref="BisectZeroScoreBound"/>, remembered for the last family.</summary>
    private static double ZeroScoreBound(double log10Family)
    {
        // why: every restore builds two trackers; the bisection costs 60 tail probabilities, more than a day's points of
        // some series. One immutable pair, replaced whole, is safe to share between threads.
        var last = s_zeroBound;
        if (last is null || last.Item1 != log10Family)
        {
            last = Tuple.Create(log10Family, BisectZeroScoreBound(log10Family));
            s_zeroBound = last;
        }

        return last.Item2;
    }

    /// <summary>A z below which the corrected score is surely 0, by bisection.</summary>
    private static double BisectZeroScoreBound(double log10Family)
    {
        double lo = 0.0;
        double hi = 40.0;
        for (int k = 0; k < 60; k++)
        {
            double mid = 0.5 * (lo + hi);
            (lo, hi) = NormalDistribution.TwoSidedSurprise(mid) < log10Family ? (mid, hi) : (lo, mid);
        }

        return lo;
    }

    /// <summary>Whether the baseline has enough history to score.</summary>
    public bool Ready => _n >= _o.DeviationMinHistory;

    /// <summary>Judges <paramref name="x"/> against the baseline before it, then updates the baseline; values move in whole multiples of <paramref name="quantum"/> (+∞: no quantum).</summary>
    public DeviationJudgement Step(double x, double quantum)
    {
        var judgement = DeviationJudgement.None;
        double z = 0.0;
        if (_n >= _o.DeviationMinHistory)
        {
            judgement = Judge(x - _location, MeanAbsToSigma * _meanAbs, quantum, count: true, out z);
        }

        Update(x, z);
        return judgement;
    }

    /// <summary>
    /// Judges a <paramref name="deviation"/> from some other baseline with this baseline's spread times
    /// <paramref name="spreadFactor"/> and its burst tail, without learning from it; scores 0 while this baseline is not ready.
    /// </summary>
    public DeviationJudgement Borrowed(double deviation, double spreadFactor, double quantum) =>
        _n >= _o.DeviationMinHistory ? Judge(deviation, spreadFactor * MeanAbsToSigma * _meanAbs, quantum, count: false, out _) : DeviationJudgement.None;

    /// <summary>The score of a judgement: its own per point with <paramref name="perPoint"/>, else corrected for the family.</summary>
    public double ScoreOf(in DeviationJudgement j, bool perPoint)
    {
        if (!j.Burst)
        {
            return perPoint ? ScoreOf(j.Judged, 0.0, 0.0) : ScoreOf(j.Judged, _log10Family, _zeroBelow);
        }

        // why: the surprise is at most the normal tail's, so below the zero bound (less a margin far beyond rounding) the
        // corrected score is 0 without computing it.
        if (!perPoint && !j.Shaped && j.Judged < _zeroBelow - SkipMargin)
        {
            return 0.0;
        }

        double surprise = j.Shaped ? j.Surprise : NormalDistribution.TwoSidedSurprise(j.Judged);
        return ScoreOfSurprise(surprise, perPoint ? 0.0 : _log10Family);
    }

    /// <summary>
    /// The smaller score of two judgements (of this tracker or <paramref name="otherTracker"/>), as <see cref="Math.Min(double, double)"/>
    /// of both, computing only one of them when both come from the normal tail and their z lie apart: the normal tail's
    /// scores grow with z.
    /// </summary>
    public double SmallerScore(in DeviationJudgement mine, DeviationTracker otherTracker, in DeviationJudgement other, bool perPoint)
    {
        if (mine.NormalTail && other.NormalTail)
        {
            // why: z within a relative 1e-9 of each other could round to scores in either order; far beyond that the order of z is the order of the scores.
            double apart = SkipMargin * Math.Max(1.0, Math.Max(mine.Judged, other.Judged));
            if (mine.Judged < other.Judged - apart)
            {
                return ScoreOf(mine, perPoint);
            }

            if (other.Judged < mine.Judged - apart)
            {
                return otherTracker.ScoreOf(other, perPoint);
            }
        }

        return Math.Min(ScoreOf(mine, perPoint), otherTracker.ScoreOf(other, perPoint));
    }

    /// <summary>Judges a signed <paramref name="deviation"/> against spread <paramref name="sigma"/>: its z, and with <paramref name="count"/> the point is added to the burst tail.</summary>
    private DeviationJudgement Judge(double deviation, double sigma, double quantum, bool count, out double z)
    {
        double residual = Math.Abs(deviation);
        z = sigma > 0.0 ? residual / sigma : (residual == 0.0 ? 0.0 : double.PositiveInfinity);
        double judged = sigma > 0.0 ? Judged(z, CountZ(deviation, sigma, quantum)) : z;
        if (_o.BurstTail && !IsSmallCount(sigma, quantum))
        {
            // why: up to the burst tail's base the surprise is the normal tail's, whatever the tail's state (see
            // BurstTail.Surprise), so it waits until a score is read; beyond it the state before this point shapes it.
            var judgement = double.IsPositiveInfinity(judged)
                ? new DeviationJudgement(judged, Burst: true, Shaped: true, double.PositiveInfinity)
                : judged > BurstTailOptions.Default.Base
                    ? new DeviationJudgement(judged, Burst: true, Shaped: true, _burst.Surprise(judged, deviation, BurstTailOptions.Default))
                    : new DeviationJudgement(judged, Burst: true, Shaped: false, 0.0);
            if (count)
            {
                _burst.Add(judged, deviation, BurstTailOptions.Default);
            }

            return judgement;
        }

        return new DeviationJudgement(judged, Burst: false, Shaped: false, 0.0);
    }

    /// <summary>Whether values on a lattice of <paramref name="quantum"/> with spread <paramref name="sigma"/> are counts whose Poisson mean (σ/q)² is below <see cref="SmallCountMean"/>.</summary>
    private static bool IsSmallCount(double sigma, double quantum) =>
        double.IsFinite(quantum) && CountMean(sigma, quantum) < SmallCountMean;

    /// <summary>The Poisson mean λ = (σ/q)² of counts on a lattice of <paramref name="quantum"/> with spread <paramref name="sigma"/>.</summary>
    private static double CountMean(double sigma, double quantum) => sigma / quantum * (sigma / quantum);

    /// <summary>The normal <paramref name="z"/> moved towards a smaller count z by <see cref="NoveltyOptions.CountDeviation"/> (geometrically).</summary>
    private double Judged(double z, double count) => count < z ? z * Math.Pow(count / z, _o.CountDeviation) : z;

    /// <summary>The Poisson deviance z of a residual above the baseline, on a lattice of <paramref name="quantum"/> whose Poisson variance is σ²; +∞ below the baseline or without a usable lattice.</summary>
    private static double CountZ(double residual, double sigma, double quantum)
    {
        double lambda = CountMean(sigma, quantum);
        if (!(residual > 0.0) || !(lambda < MaxCountMean))
        {
            return double.PositiveInfinity;
        }

        double count = Math.Max(lambda + (residual / quantum) - 0.5, lambda);
        double deviance = 2.0 * ((count * Math.Log(count / lambda)) - (count - lambda));
        return Math.Sqrt(Math.Max(deviance, 0.0));
    }

    private static double ScoreOf(double z, double log10Family, double zeroBelow)
    {
        if (double.IsPositiveInfinity(z))
        {
            return ScoreScale.Max;
        }

        if (z < zeroBelow)
        {
            return 0.0;
        }

        double decades = NormalDistribution.TwoSidedSurprise(z) - log10Family;
        return Math.Clamp(10.0 * decades, 0.0, ScoreScale.Max);
    }

    private static double ScoreOfSurprise(double surprise, double log10Family) =>
        double.IsPositiveInfinity(surprise) ? ScoreScale.Max : Math.Clamp(10.0 * (surprise - log10Family), 0.0, ScoreScale.Max);

    private void Update(double x, double z)
    {
        _n++;
        double rate = Math.Max(_rate, 1.0 / _n);
        if (_n <= _o.DeviationMinHistory)
        {
            double delta = x - _location;
            _location += delta / _n;
            _meanAbs += (Math.Abs(x - _location) - _meanAbs) / _n;
            return;
        }

        double sigma = MeanAbsToSigma * _meanAbs;
        double limit = sigma > 0.0 ? _o.DeviationClip * sigma : double.PositiveInfinity;
        double residual = Math.Clamp(x - _location, -limit, limit);
        // why: on a flat baseline (zero scale) any change would otherwise be clipped to nothing and never learned.
        if (z <= _o.DeviationClip || sigma == 0.0)
        {
            _location += rate * residual;
            _meanAbs += rate * (Math.Abs(residual) - _meanAbs);
        }
        else
        {
            _location += rate * _o.DeviationAbsorb * residual;
        }
    }

    public void Write(ref StateBufferWriter w)
    {
        w.Write(_n);
        w.Write(_location);
        w.Write(_meanAbs);
        _burst.Write(ref w);
    }

    public void Read(ref StateBufferReader r)
    {
        _n = r.ReadInt64();
        _location = r.ReadDouble();
        _meanAbs = r.ReadDouble();
        _burst.Read(ref r);
    }
}
