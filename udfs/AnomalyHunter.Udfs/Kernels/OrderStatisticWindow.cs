namespace AnomalyHunter.Udfs.Kernels;

/// <summary>The last <c>capacity</c> inputs of a stream, with their finite values kept sorted for an O(1) median and an O(log n) median absolute deviation.</summary>
/// <remarks>
/// The sorted values live in <see cref="SortedBlocks"/>: a push replaces the oldest value by the newest with O(√capacity)
/// moves, its ranks found by two SIMD counts. NaN and infinities occupy a slot of the window but are not sorted in;
/// statistics see the finite values only, which are the ranks below <see cref="Count"/> (the ranks above hold +∞).
/// </remarks>
internal sealed class OrderStatisticWindow
{
    private readonly double[] _ring;
    private readonly SortedBlocks _sorted;
    private int _head;
    private int _filled;
    private int _madHint;

    /// <summary>Creates an empty window of <paramref name="capacity"/> slots.</summary>
    public OrderStatisticWindow(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _ring = new double[capacity];
        _sorted = new SortedBlocks(capacity);
    }

    /// <summary>Number of slots.</summary>
    public int Capacity => _ring.Length;

    /// <summary>Number of finite values in the window.</summary>
    public int Count { get; private set; }

    /// <summary>Adds <paramref name="x"/> and drops the value pushed <see cref="Capacity"/> pushes ago.</summary>
    public void Push(double x)
    {
        bool full = _filled == _ring.Length;
        double old = full ? _ring[_head] : double.NaN;
        _ring[_head] = x;
        _head = _head + 1 == _ring.Length ? 0 : _head + 1;
        if (!full)
        {
            _filled++;
        }

        bool addNew = double.IsFinite(x);
        bool dropOld = double.IsFinite(old);
        int n = Count;

        // why: the first +∞ spare sits at rank n, so a value entering takes that spare's place and a value leaving
        // without a successor leaves a +∞ behind; both are the same replacement.
        if (dropOld)
        {
            int from = _sorted.LowerBound(old);
            if (_sorted[from] != old)
            {
                throw new InvalidOperationException("The value leaving the window is not in the sorted window.");
            }

            if (addNew)
            {
                _sorted.Replace(from, _sorted.LowerBound(x), x);
            }
            else
            {
                _sorted.Replace(from, n, double.PositiveInfinity);
                Count = n - 1;
            }
        }
        else if (addNew)
        {
            _sorted.Replace(n, _sorted.LowerBound(x), x);
            Count = n + 1;
        }
    }

    /// <summary>Empties the window.</summary>
    public void Clear()
    {
        _head = 0;
        _filled = 0;
        Count = 0;
        _sorted.Clear();
    }

    /// <summary>Median of the finite values; NaN when there are none.</summary>
    public double Median() => _sorted.Median(Count);

    /// <summary>Median of |x − <paramref name="center"/>| over the finite values (unscaled); NaN when there are none or the center is NaN.</summary>
    /// <remarks>See <see cref="MadSelection"/>; the search starts from the previous call's answer.</remarks>
    public double MedianAbsoluteDeviation(double center) => _sorted.MedianAbsoluteDeviation(Count, center, ref _madHint);

    /// <summary>Mean of |x − <paramref name="center"/>| over the finite values; NaN when there are none.</summary>
    public double MeanAbsoluteDeviation(double center) => _sorted.MeanAbsoluteDeviation(Count, center);

    /// <summary>The q-quantile (0 ≤ q ≤ 1, linear interpolation between order statistics) of the finite values; NaN when there are none.</summary>
    public double Quantile(double q)
    {
        int n = Count;
        if (n == 0 || double.IsNaN(q))
        {
            return double.NaN;
        }

        double pos = Math.Clamp(q, 0.0, 1.0) * (n - 1);
        int lo = (int)pos;
        int hi = Math.Min(lo + 1, n - 1);
        return _sorted[lo] + ((pos - lo) * (_sorted[hi] - _sorted[lo]));
    }

    /// <summary>Copies the window's inputs, oldest first (NaN included), into <paramref name="destination"/> and returns how many were written.</summary>
    public int CopyInputs(Span<double> destination)
    {
        int start = _filled == _ring.Length ? _head : 0;
        for (int i = 0; i < _filled; i++)
        {
            int at = start + i;
            destination[i] = _ring[at >= _ring.Length ? at - _ring.Length : at];
        }

        return _filled;
    }
}
