using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AnomalyHunter.Udfs.Kernels;

/// <summary>The last <c>capacity</c> inputs of a stream, with their finite values kept sorted for an O(1) median and an O(log n) median absolute deviation.</summary>
/// <remarks>
/// A push replaces the oldest value by the newest in one move of the sorted array: only the items between the two
/// positions shift (a third of the window on average for random data). Positions are found without dependent-load
/// chains: the last item of every block of ~√capacity items is kept in a fence array, and a SIMD count of the fences
/// below x, then of the items below x in the one block it selects, gives the lower bound.
/// NaN and infinities occupy a slot of the window but are not sorted in; statistics see the finite values only.
/// </remarks>
internal sealed class OrderStatisticWindow
{
    private readonly double[] _ring;
    private readonly double[] _sorted;
    private readonly double[] _fences;
    private readonly int _block;
    private int _head;
    private int _filled;
    private int _madHint;

    /// <summary>Creates an empty window of <paramref name="capacity"/> slots.</summary>
    public OrderStatisticWindow(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _ring = new double[capacity];
        _sorted = new double[capacity];
        _block = Math.Max(Vector256<double>.Count, (int)BitOperations.RoundUpToPowerOf2((uint)Math.Sqrt(capacity)));
        _fences = new double[(capacity / _block) + 1];
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
            int from = LowerBound(ref a, n, old);
            int to = LowerBound(ref a, n, x);
            if (from >= n || Unsafe.Add(ref a, from) != old)
            {
                throw new InvalidOperationException("The value leaving the window is not in the sorted window.");
            }

            if (to > from)
            {
                // why: the items strictly between old and new move one place left, and new lands just before its lower bound.
                _sorted.AsSpan(from + 1, to - 1 - from).CopyTo(_sorted.AsSpan(from));
                Unsafe.Add(ref a, to - 1) = x;
                RefreshFences(from, to - 1, n);
            }
            else
            {
                _sorted.AsSpan(to, from - to).CopyTo(_sorted.AsSpan(to + 1));
                Unsafe.Add(ref a, to) = x;
                RefreshFences(to, from, n);
            }
        }
        else if (addNew)
        {
            int to = LowerBound(ref a, n, x);
            _sorted.AsSpan(to, n - to).CopyTo(_sorted.AsSpan(to + 1));
            Unsafe.Add(ref a, to) = x;
            Count = n + 1;
            RefreshFences(to, n, n + 1);
        }
        else if (dropOld)
        {
            int from = IndexOf(ref a, n, old);
            _sorted.AsSpan(from + 1, n - from - 1).CopyTo(_sorted.AsSpan(from));
            Count = n - 1;
            RefreshFences(from, n - 2, n - 1);
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
        // why: the search hint is only a starting point; any value gives the same exact answer.
        int n = Count;
        if (n == 0 || double.IsNaN(center))
        {
            return double.NaN;
        }

        ref double a = ref MemoryMarshal.GetArrayDataReference(_sorted);
        // why: for the window's own median the split is almost always the middle index; the search is the fallback.
        int middle = n >> 1;
        int split = Unsafe.Add(ref a, middle) >= center && (middle == 0 || Unsafe.Add(ref a, middle - 1) < center)
            ? middle
            : LowerBound(ref a, n, center);
        int nLeft = split;
        int nRight = n - split;
        int k = (n & 1) == 1 ? n >> 1 : (n >> 1) - 1;

        // Find the smallest i (taken from the left) such that the right deviation R[k − i] is not above L[i],
        // galloping from the previous answer: it moves by a step or two per push in a rolling window.
        int lo = Math.Max(0, k + 1 - nRight);
        int hi = Math.Min(k + 1, nLeft);
        int hint = Math.Clamp(_madHint, lo, hi);
        if (hint < hi && MoreLeft(ref a, split, k, center, hint))
        {
            int step = 1;
            int bound = hint + 1;
            while (bound < hi && MoreLeft(ref a, split, k, center, bound))
            {
                lo = bound + 1;
                step <<= 1;
                bound = hint + step;
            }

            lo = Math.Max(lo, hint + 1);
            hi = Math.Min(bound, hi);
        }
        else
        {
            int step = 1;
            int bound = hint - 1;
            while (bound >= lo && !MoreLeft(ref a, split, k, center, bound))
            {
                hi = bound;
                step <<= 1;
                bound = hint - step;
            }

            hi = Math.Min(hi, hint);
            lo = Math.Max(lo, bound + 1);
        }

        int len = hi - lo;
        while (len > 0)
        {
            int half = len >> 1;
            int i = lo + half;
            bool moreLeft = MoreLeft(ref a, split, k, center, i);
            lo = moreLeft ? i + 1 : lo;
            len = moreLeft ? len - half - 1 : half;
        }

        _madHint = lo;
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

    /// <summary>Mean of |x − <paramref name="center"/>| over the finite values; NaN when there are none.</summary>
    public double MeanAbsoluteDeviation(double center)
    {
        int n = Count;
        if (n == 0)
        {
            return double.NaN;
        }

        double sum = 0.0;
        foreach (double v in _sorted.AsSpan(0, n))
        {
            sum += Math.Abs(v - center);
        }

        return sum / n;
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

    /// <summary>True when the (k + 1 − i)-th right deviation exceeds the (i + 1)-th left one, i.e. more of the k + 1 smallest come from the left.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool MoreLeft(ref double a, int split, int k, double center, int i)
        => Unsafe.Add(ref a, split + k - i) - center > center - Unsafe.Add(ref a, split - 1 - i);

    /// <summary>Number of sorted items below <paramref name="x"/>: SIMD counts over the fences, then over one block.</summary>
    private int LowerBound(ref double a, int count, double x)
    {
        int fullBlocks = count / _block;
        int block = SimdCount.Below(ref MemoryMarshal.GetArrayDataReference(_fences), fullBlocks, x);
        int start = block * _block;
        return start + SimdCount.Below(ref Unsafe.Add(ref a, start), Math.Min(_block, count - start), x);
    }

    /// <summary>Rewrites the fences whose items lie in [<paramref name="first"/>, <paramref name="last"/>], for a window of <paramref name="count"/> items.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void RefreshFences(int first, int last, int count)
    {
        int end = Math.Min(last, count - 1);
        for (int j = first / _block; ((j + 1) * _block) - 1 <= end; j++)
        {
            _fences[j] = _sorted[((j + 1) * _block) - 1];
        }
    }

    private int IndexOf(ref double a, int count, double x)
    {
        int at = LowerBound(ref a, count, x);
        if (at >= count || Unsafe.Add(ref a, at) != x)
        {
            throw new InvalidOperationException("The value leaving the window is not in the sorted window.");
        }

        return at;
    }
}
