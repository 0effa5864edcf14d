using System.Buffers;

namespace AnomalyHunter.Udfs.Detection.Ensemble;

/// <summary>The univariate ensemble: robust local, level-shift and seasonal passes, calibrated per series, merged with alert suppression.</summary>
internal sealed class EnsembleScorer : ISeriesScorer
{
    private const double MadToSigma = 1.4826;
    private const double MeanAbsToSigma = 1.2533;
    private const double Log10E = 0.43429448190325176;
    private readonly EnsembleOptions _o;
    private readonly double[] _ring;
    private readonly SortedWindow _sorted;
    private readonly double[] _scratch;
    private readonly double[] _shiftRing;
    private int _count;
    private int _head;
    private int _shiftHead;
    private double _shiftSum;
    private TailCalibrator _localCal;
    private TailCalibrator _shiftCal;
    private double _memory;
    private readonly double _calDecay;
    private readonly double _holdDecay;

    public EnsembleScorer(EnsembleOptions o)
    {
        _o = o;
        _ring = new double[o.LocalWindow];
        _sorted = new SortedWindow(o.LocalWindow);
        _scratch = new double[o.LocalWindow];
        _shiftRing = new double[o.ShiftWindow];
        _localCal = TailCalibrator.WithPrior(o.TailBase, o.CalibrationPrior);
        _shiftCal = TailCalibrator.WithPrior(o.TailBase, o.CalibrationPrior);
        _calDecay = Math.Pow(0.5, 1.0 / o.CalibrationHalfLife);
        _holdDecay = Math.Pow(0.5, 1.0 / o.HoldOffHalfLife);
    }

    public void Score(ReadOnlySpan<long> timestampsMs, ReadOnlySpan<double> values, Span<double> scores)
    {
        if (values.Length != scores.Length || timestampsMs.Length != values.Length)
        {
            throw new ArgumentException("Timestamps, values and scores must have the same length.", nameof(scores));
        }

        for (int i = 0; i < values.Length; i++)
        {
            double x = values[i];
            if (!double.IsFinite(x))
            {
                scores[i] = 0.0;
                continue;
            }

            double s = 0.0;
            if (_count >= _o.MinHistory)
            {
                double median = _sorted.Median();
                double scale = MadToSigma * _sorted.MedianAbsoluteDeviation(median, _scratch);
                if (scale <= 0.0)
                {
                    scale = MeanAbsToSigma * _sorted.MeanAbsoluteDeviation(median);
                }

                double dev = x - median;
                double z = scale > 0.0 ? dev / scale : (dev == 0.0 ? 0.0 : Math.Sign(dev) * _o.ZClip * 4);
                int passes = 0;
                double pMin = 1.0;
                if (_o.UseLocal)
                {
                    double u = Surprise(Math.Abs(z));
                    double p = _localCal.TailProbability(u, _o.TailBase);
                    _localCal.Update(u, _o.TailBase, _calDecay);
                    pMin = Math.Min(pMin, p);
                    passes++;
                }

                double zc = Math.Clamp(z, -_o.ZClip, _o.ZClip);
                _shiftSum += zc - _shiftRing[_shiftHead];
                _shiftRing[_shiftHead] = zc;
                _shiftHead = (_shiftHead + 1) % _shiftRing.Length;
                if (_o.UseShift)
                {
                    double zs = _shiftSum / Math.Sqrt(_shiftRing.Length);
                    double u = Surprise(Math.Abs(zs));
                    double p = _shiftCal.TailProbability(u, _o.TailBase);
                    _shiftCal.Update(u, _o.TailBase, _calDecay);
                    pMin = Math.Min(pMin, p);
                    passes++;
                }

                s = ScoreScale.FromTailProbability(Math.Min(1.0, pMin * passes));
            }

            scores[i] = Suppress(s);
            Push(x);
        }
    }

    private static double Surprise(double z) => ScoreScale.FromTwoSidedZ(z) / 10.0;

    private double Suppress(double s)
    {
        double m = _memory * _holdDecay;
        double r = _o.SuppressionMode switch
        {
            0 => s,
            1 => s > m ? s : 0.0,
            _ => Math.Max(0.0, s - m),
        };
        _memory = Math.Max(m, s);
        return r;
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
        w.Write(_count);
        w.Write(_head);
        w.Write(_ring);
        w.Write(_shiftHead);
        w.Write(_shiftSum);
        w.Write(_shiftRing);
        w.Write(_localCal.Total);
        w.Write(_localCal.Over);
        w.Write(_localCal.Excess);
        w.Write(_shiftCal.Total);
        w.Write(_shiftCal.Over);
        w.Write(_shiftCal.Excess);
        w.Write(_memory);
    }

    public static EnsembleScorer Restore(EnsembleOptions o, ReadOnlySpan<byte> state)
    {
        var r = new StateReader(state);
        var s = new EnsembleScorer(o);
        s._count = r.ReadInt32();
        s._head = r.ReadInt32();
        r.ReadDoubles(s._ring);
        int filled = Math.Min(s._count, s._ring.Length);
        for (int k = 0; k < filled; k++)
        {
            s._sorted.Insert(s._ring[k]);
        }

        s._shiftHead = r.ReadInt32();
        s._shiftSum = r.ReadDouble();
        r.ReadDoubles(s._shiftRing);
        s._localCal = new TailCalibrator { Total = r.ReadDouble(), Over = r.ReadDouble(), Excess = r.ReadDouble() };
        s._shiftCal = new TailCalibrator { Total = r.ReadDouble(), Over = r.ReadDouble(), Excess = r.ReadDouble() };
        s._memory = r.ReadDouble();
        return s;
    }
}
