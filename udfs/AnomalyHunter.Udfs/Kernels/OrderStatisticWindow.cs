using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AnomalyHunter.Udfs.Kernels;

/// <summary>The last <c>capacity</c> inputs of a stream, with their finite values kept sorted for an O(1) median and an O(log n) median absolute deviation.</summary>
/// <remarks>
/// A push replaces the oldest value by the newest in one move of the sorted array: only the items between the two
/// positions shift (a third of the window on average for random data), found by branch-free binary searches.
/// NaN and infinities occupy a slot of the window but are not sorted in; statistics see the finite values only.
/// </remarks>
internal sealed class OrderStatisticWindow
{
    private readonly double[] _ring;
    private readonly double[] _sorted;
    private int _head;
    private int _filled;

    /// <summary>Creates an empty window of <paramref name="capacity"/> slots.</summary>
    public OrderStatisticWindow(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _ring = new double[capacity];
        _sorted = new double[capacity];
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
        ref double a = ref MemoryMarshal.GetArrayDataReference(_sorted);
        int n = Count;
        if (addNew && dropOld)
        {
            int from = IndexOf(ref a, n, old);
            int to = LowerBound(ref a, n, x);
            if (to > from)
            {
                // why: the items strictly between old and new move one place left, and new lands just before its lower bound.
                _sorted.AsSpan(from + 1, to - 1 - from).CopyTo(_sorted.AsSpan(from));
                Unsafe.Add(ref a, to - 1) = x;
            }
            else
            {
                _sorted.AsSpan(to, from - to).CopyTo(_sorted.AsSpan(to + 1));
                Unsafe.Add(ref a, to) = x;
            }
        }
        else if (addNew)
        {
            int to = LowerBound(ref a, n, x);
            _sorted.AsSpan(to, n - to).CopyTo(_sorted.AsSpan(to + 1));
            Unsafe.Add(ref a, to) = x;
            Count = n + 1;
        }
        else if (dropOld)
        {
            int from = IndexOf(ref a, n, old);
            _sorted.AsSpan(from + 1, n - from - 1).CopyTo(_sorted.AsSpan(from));
            Count = n - 1;
        }
    }

    /// <summary>Empties the window.</summary>
    public void Clear()
    {
        _head = 0;
        _filled = 0;
        Count = 0;
    }

    /// <summary>Median of the finite values; NaN when there are none.</summary>
    public double Median()
    {
        int n = Count;
        if (n == 0)
        {
            return double.NaN;
        }

        int mid = n >> 1;
        return (n & 1) == 1 ? _sorted[mid] : 0.5 * (_sorted[mid - 1] + _sorted[mid]);
    }

    /// <summary>Median of |x − <paramref name="center"/>| over the finite values (unscaled); NaN when there are none or the center is NaN.</summary>
    /// <remarks>
    /// The deviations left of the center (read outwards) and right of it are two sorted sequences; the k-th smallest
    /// of their union is found by a binary search on how many come from the left one, in O(log n).
    /// </remarks>
    public double MedianAbsoluteDeviation(double center)
    {
        int n = Count;
        if (n == 0 || double.IsNaN(center))
        {
            return double.NaN;
        }

        ref double a = ref MemoryMarshal.GetArrayDataReference(_sorted);
        int split = LowerBound(ref a, n, center);
        int nLeft = split;
        int nRight = n - split;
        int k = (n & 1) == 1 ? n >> 1 : (n >> 1) - 1;

        // Find the smallest i (taken from the left) such that the right deviation R[k − i] is not above L[i].
        int lo = Math.Max(0, k + 1 - nRight);
        int len = Math.Min(k + 1, nLeft) - lo;
        while (len > 0)
        {
            int half = len >> 1;
            int i = lo + half;
            int j = k + 1 - i;
            bool moreLeft = Unsafe.Add(ref a, split + j - 1) - center > center - Unsafe.Add(ref a, split - 1 - i);
            lo = moreLeft ? i + 1 : lo;
            len = moreLeft ? len - half - 1 : half;
        }

        int fromLeft = lo;
        int fromRight = k + 1 - fromLeft;
        double kth = Math.Max(
            fromLeft > 0 ? center - Unsafe.Add(ref a, split - fromLeft) : double.NegativeInfinity,
            fromRight > 0 ? Unsafe.Add(ref a, split + fromRight - 1) - center : double.NegativeInfinity);
        if ((n & 1) == 1)
        {
            return kth;
        }

        double next = Math.Min(
            fromLeft < nLeft ? center - Unsafe.Add(ref a, split - 1 - fromLeft) : double.PositiveInfinity,
            fromRight < nRight ? Unsafe.Add(ref a, split + fromRight) - center : double.PositiveInfinity);
        return 0.5 * (kth + next);
    }

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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int LowerBound(ref double a, int count, double x)
    {
        if (count == 0)
        {
            return 0;
        }

        int b = 0;
        int len = count;
        while (len > 1)
        {
            int half = len >> 1;
            b = Unsafe.Add(ref a, b + half - 1) < x ? b + half : b;
            len -= half;
        }

        return Unsafe.Add(ref a, b) < x ? b + 1 : b;
    }

    private static int IndexOf(ref double a, int count, double x)
    {
        int at = LowerBound(ref a, count, x);
        if (at >= count || Unsafe.Add(ref a, at) != x)
        {
            throw new InvalidOperationException("The value leaving the window is not in the sorted window.");
        }

        return at;
    }
}
