using System.Buffers;

namespace AnomalyHunter.Udfs.Detection.Ensemble;

/// <summary>The univariate ensemble: a robust baseline, point/shift/variance passes calibrated per series, merged with alert suppression.</summary>
/// <remarks>
/// Per point: the baseline (rolling median and MAD of the trailing window, or where it predicts better the
/// time-of-day Holt–Winters baseline) gives a standardised residual z. Three passes turn it into a nominal
/// surprise (decades of improbability): |z| two-sided (point), the mean of the last few clipped z (shift) and
/// the sum of their squares (variance, chi-square). Each pass calibrates its surprise against the series' own
/// recent tail (<see cref="TailCalibrator"/>); the merged tail probability is the smallest one times the number
/// of passes (Bonferroni). The reported score is the merged score minus a decaying memory of earlier scores,
/// so that an incident raises one alert and later points only score what they add to it.
/// </remarks>
internal sealed class EnsembleScorer : IContributingSeriesScorer
{
    private const int StateVersion = 1;
    private const double MadToSigma = 1.4826;
    private const double MeanAbsToSigma = 1.2533;
    private const long MillisecondsPerDay = 86_400_000L;

    // why: a deviation from a baseline whose scale is exactly 0 (a flat window) is "infinitely" surprising; this z saturates every pass.
    private const double FlatDeviationZ = 1e3;

    private static readonly string[] Passes = ["point", "shift", "variance"];
    private readonly EnsembleOptions _o;
    private readonly double[] _ring;
    private readonly SortedWindow _sorted;
    private readonly double[] _scratch;
    private readonly double[] _shiftRing;
    private readonly double[] _varRing;
    private readonly SeasonalBaseline _seasonal;
    private readonly double _calDecay;
    private readonly double _holdDecay;
    private readonly TailCalibrator[] _cal = new TailCalibrator[3];
    private long _count;
    private int _head;
    private int _shiftHead;
    private double _shiftSum;
    private int _varHead;
    private double _varSum;
    private double _localScale;
    private double _memory;

    public EnsembleScorer(EnsembleOptions o)
    {
        _o = o;
        _ring = new double[o.LocalWindow];
        _sorted = new SortedWindow(o.LocalWindow);
        _scratch = new double[o.LocalWindow];
        _shiftRing = new double[o.ShiftWindow];
        _varRing = new double[o.VarianceWindow];
        _seasonal = new SeasonalBaseline(o);
        for (int k = 0; k < _cal.Length; k++)
        {
            _cal[k] = TailCalibrator.WithPrior(o.TailBase, o.CalibrationPrior);
        }

        _calDecay = Math.Pow(0.5, 1.0 / o.CalibrationHalfLife);
        _holdDecay = Math.Pow(0.5, 1.0 / o.HoldOffHalfLife);
    }

    public IReadOnlyList<string> PassNames => Passes;

    public void Score(ReadOnlySpan<long> timestampsMs, ReadOnlySpan<double> values, Span<double> scores)
        => Score(timestampsMs, values, scores, Span<double>.Empty);

    public void Score(ReadOnlySpan<long> timestampsMs, ReadOnlySpan<double> values, Span<double> scores, Span<double> contributions)
    {
        if (values.Length != scores.Length || timestampsMs.Length != values.Length)
        {
            throw new ArgumentException("Timestamps, values and scores must have the same length.", nameof(scores));
        }

        bool withContributions = !contributions.IsEmpty;
        if (withContributions && contributions.Length != values.Length * Passes.Length)
        {
            throw new ArgumentException("Contributions must hold one value per point and pass.", nameof(contributions));
        }

        Span<double> passScores = stackalloc double[Passes.Length];
        for (int i = 0; i < values.Length; i++)
        {
            double x = values[i];
            passScores.Clear();
            if (!double.IsFinite(x))
            {
                scores[i] = 0.0;
            }
            else
            {
                int bin = _seasonal.Bin(timestampsMs[i]);
                double s = _count >= _o.MinHistory ? ScorePoint(x, bin, passScores) : 0.0;
                scores[i] = Suppress(s);
                _seasonal.Update(x, bin);
                Push(x);
            }

            if (withContributions)
            {
                passScores.CopyTo(contributions.Slice(i * Passes.Length, Passes.Length));
            }
        }
    }

    private double ScorePoint(double x, int bin, Span<double> passScores)
    {
        double median = _sorted.Median();
        if (_count % _o.ScaleRefresh == 0 || _localScale == 0.0)
        {
            _localScale = MadToSigma * _sorted.MedianAbsoluteDeviation(median, _scratch);
            if (_localScale <= 0.0)
            {
                // why: count data and flat-with-spikes series have MAD 0; the mean absolute deviation still sees the spikes.
                _localScale = MeanAbsToSigma * _sorted.MeanAbsoluteDeviation(median);
            }
        }

        double dev = x - median;
        double scale = _localScale;
        if (_o.UseSeasonal && _seasonal.TryPredict(bin, _localScale, out double predicted, out double seasonalScale)
            && seasonalScale * _o.SeasonalAdvantage < scale)
        {
            dev = x - predicted;
            scale = seasonalScale;
        }

        double z = scale > 0.0 ? dev / scale : (dev == 0.0 ? 0.0 : Math.Sign(dev) * FlatDeviationZ);
        double zc = Math.Clamp(z, -_o.ResidualClip, _o.ResidualClip);
        _shiftSum += zc - _shiftRing[_shiftHead];
        _shiftRing[_shiftHead] = zc;
        _shiftHead = (_shiftHead + 1) % _shiftRing.Length;
        _varSum += (zc * zc) - _varRing[_varHead];
        _varRing[_varHead] = zc * zc;
        _varHead = (_varHead + 1) % _varRing.Length;

        int passes = 0;
        double pMin = 1.0;
        if (_o.UsePoint)
        {
            pMin = Math.Min(pMin, Calibrate(0, NormalDistribution.TwoSidedSurprise(z), passScores));
            passes++;
        }

        if (_o.UseShift)
        {
            pMin = Math.Min(pMin, Calibrate(1, NormalDistribution.TwoSidedSurprise(_shiftSum / Math.Sqrt(_shiftRing.Length)), passScores));
            passes++;
        }

        if (_o.UseVariance)
        {
            pMin = Math.Min(pMin, Calibrate(2, NormalDistribution.ChiSquareSurprise(Math.Max(0.0, _varSum), _varRing.Length), passScores));
            passes++;
        }

        return ScoreScale.FromTailProbability(Math.Min(1.0, pMin * passes));
    }

    private double Calibrate(int pass, double surprise, Span<double> passScores)
    {
        double p = _cal[pass].TailProbability(surprise, _o.TailBase);
        _cal[pass].Update(surprise, _o.TailBase, _calDecay, _o.ExcessClip);
        passScores[pass] = ScoreScale.FromTailProbability(p);
        return p;
    }

    private double Suppress(double s)
    {
        double remembered = s < _o.QuietLevel ? _memory * _holdDecay : _memory;
        _memory = Math.Max(remembered, s);
        return Math.Max(0.0, s - remembered);
    }

    private void Push(double x)
    {
        if (_count >= _ring.Length)
        {
            _sorted.Remove(_ring[_head]);
        }

        _count++;
        _ring[_head] = x;
        _sorted.Insert(x);
        _head = (_head + 1) % _ring.Length;
    }

    public void WriteState(IBufferWriter<byte> writer)
    {
        var w = new StateWriter(writer);
        w.Write(StateVersion);
        w.Write(_count);
        w.Write(_head);
        w.Write(_ring);
        w.Write(_shiftHead);
        w.Write(_shiftSum);
        w.Write(_shiftRing);
        w.Write(_varHead);
        w.Write(_varSum);
        w.Write(_varRing);
        w.Write(_localScale);
        w.Write(_memory);
        foreach (TailCalibrator c in _cal)
        {
            w.Write(c.Total);
            w.Write(c.Over);
            w.Write(c.Excess);
        }

        _seasonal.Write(ref w);
    }

    public static EnsembleScorer Restore(EnsembleOptions o, ReadOnlySpan<byte> state)
    {
        var r = new StateReader(state);
        if (r.ReadInt32() != StateVersion)
        {
            throw new InvalidDataException("The saved ensemble state has an unknown version.");
        }

        var s = new EnsembleScorer(o);
        s._count = r.ReadInt64();
        s._head = r.ReadInt32();
        r.ReadDoubles(s._ring);
        long filled = Math.Min(s._count, s._ring.Length);
        for (int k = 0; k < filled; k++)
        {
            s._sorted.Insert(s._ring[k]);
        }

        s._shiftHead = r.ReadInt32();
        s._shiftSum = r.ReadDouble();
        r.ReadDoubles(s._shiftRing);
        s._varHead = r.ReadInt32();
        s._varSum = r.ReadDouble();
        r.ReadDoubles(s._varRing);
        s._localScale = r.ReadDouble();
        s._memory = r.ReadDouble();
        for (int k = 0; k < s._cal.Length; k++)
        {
            s._cal[k] = new TailCalibrator { Total = r.ReadDouble(), Over = r.ReadDouble(), Excess = r.ReadDouble() };
        }

        s._seasonal.Read(ref r);
        if (!r.AtEnd)
        {
            throw new InvalidDataException("The saved ensemble state has trailing bytes.");
        }

        return s;
    }
}
