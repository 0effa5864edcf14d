using AnomalyHunter.Udfs.Detection.Ensemble;
using AnomalyHunter.Udfs.Kernels;

namespace AnomalyHunter.Udfs.Detection.Statistical;

/// <summary>The robust local baseline: median of the trailing window and a scale from its MAD, refreshed every few points.</summary>
/// <remarks>
/// The window's values are kept sorted in <see cref="SortedBlocks"/> (O(√n) moves per push, SIMD rank searches) and the
/// MAD is found by <see cref="MadSelection"/> (O(log n)). Only finite values are pushed. A value enters before the
/// values equal to it and the first of equal values leaves, so the arrangement (down to the order of −0 and +0) is the
/// one a sorted array with binary-search inserts and removes would hold.
/// </remarks>
internal sealed class LocalBaseline
{
    private const double MadToSigma = 1.4826;
    private const double MeanAbsToSigma = 1.2533;
    private readonly double[] _ring;
    private readonly SortedBlocks _sorted;
    private readonly int _refresh;
    private long _count;
    private int _head;
    private double _scale;
    private int _filled;
    private int _madHint;

    // why: _count % _refresh, kept by a compare instead of a 64-bit division on every point.
    private int _phase;

    public LocalBaseline(int window, int refresh)
    {
        _ring = new double[window];
        _sorted = new SortedBlocks(window);
        _refresh = refresh;
    }

    /// <summary>Points pushed so far.</summary>
    public long Count => _count;

    /// <summary>Median of the window (exact at every point); NaN when empty.</summary>
    public double Median() => _sorted.Median(_filled);

    /// <summary>Robust scale (σ-equivalent): 1.4826·MAD, or 1.2533·mean absolute deviation when the MAD is 0; 0 for a flat window.</summary>
    public double Scale(double median)
    {
        if (_phase == 0 || _scale == 0.0)
        {
            _scale = MadToSigma * _sorted.MedianAbsoluteDeviation(_filled, median, ref _madHint);
            if (_scale <= 0.0)
            {
                // why: count data and flat-with-spikes series have MAD 0; the mean absolute deviation still sees the spikes.
                _scale = MeanAbsToSigma * _sorted.MeanAbsoluteDeviation(_filled, median);
            }
        }

        return _scale;
    }

    /// <summary>Adds the finite value <paramref name="x"/>, dropping the value pushed a window ago.</summary>
    public void Push(double x)
    {
        if (_count >= _ring.Length)
        {
            _sorted.ReplaceValue(_ring[_head], x);
        }
        else
        {
            _sorted.Insert(_filled++, x);
        }

        _count++;
        if (++_phase == _refresh)
        {
            _phase = 0;
        }

        _ring[_head] = x;
        // why: a compare instead of the modulo, an integer division on every point.
        if (++_head == _ring.Length)
        {
            _head = 0;
        }
    }

    public void Write(ref StateWriter w)
    {
        w.Write(_count);
        w.Write(_head);
        w.Write(_scale);
        w.Write(_ring);
    }

    public void Read(ref StateReader r)
    {
        _count = r.ReadInt64();
        _head = r.ReadInt32();
        _scale = r.ReadDouble();
        r.ReadDoubles(_ring);
        if (_count < 0 || _head < 0 || _head >= _ring.Length)
        {
            throw new InvalidDataException("The saved local baseline is inconsistent.");
        }

        _phase = (int)(_count % _refresh);
        int filled = (int)Math.Min(_count, _ring.Length);
        if (!Array.TrueForAll(_ring, double.IsFinite))
        {
            throw new InvalidDataException("The saved local baseline holds a value that is not finite.");
        }

        // why: one sort instead of an insert per value; the arrangement is that of inserting the ring's values in index order, as restores always have.
        _sorted.LoadAsInserted(_ring.AsSpan(0, filled));
        _filled = filled;
    }
}
