using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using AnomalyHunter.Udfs.Kernels;

namespace AnomalyHunter.Benchmarks;

/// <summary>
/// Benchmark-only baseline: the rolling median and MAD as the product computed them before the blocked window, over one
/// sorted array that a push changes with a memmove of every item between the leaving and the arriving value's ranks
/// (O(w) per point), with √w fences for SIMD rank searches; the MAD selection is the product's. Kept to measure the
/// product kernel against it in one run.
/// </summary>
internal sealed class SortedArrayRollingMedianBaseline
{
    private readonly double[] _ring;
    private readonly double[] _sorted;
    private readonly double[] _fences;
    private readonly int _block;
    private int _head;
    private int _filled;
    private int _count;
    private int _madHint;

    private SortedArrayRollingMedianBaseline(int capacity)
    {
        _ring = new double[capacity];
        _sorted = new double[capacity];
        _block = Math.Max(Vector256<double>.Count, (int)BitOperations.RoundUpToPowerOf2((uint)Math.Sqrt(capacity)));
        _fences = new double[(capacity / _block) + 1];
    }

    /// <summary>Same contract as <c>RollingMedian.Compute</c>: trailing window, NaN and infinities skipped but holding a slot.</summary>
    public static void Compute(ReadOnlySpan<double> values, int window, Span<double> medians, Span<double> mads)
    {
        var sorted = new SortedArrayRollingMedianBaseline(Math.Max(1, Math.Min(window, values.Length)));
        bool withMad = !mads.IsEmpty;
        for (int i = 0; i < values.Length; i++)
        {
            sorted.Push(values[i]);
            double median = sorted.Median();
            medians[i] = median;
            if (withMad)
            {
                mads[i] = sorted.MedianAbsoluteDeviation(median);
            }
        }
    }

    private void Push(double x)
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
        int n = _count;
        if (addNew && dropOld)
        {
            int from = LowerBound(ref a, n, old);
            int to = LowerBound(ref a, n, x);
            if (to > from)
            {
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
            _count = n + 1;
            RefreshFences(to, n, n + 1);
        }
        else if (dropOld)
        {
            int from = LowerBound(ref a, n, old);
            _sorted.AsSpan(from + 1, n - from - 1).CopyTo(_sorted.AsSpan(from));
            _count = n - 1;
            RefreshFences(from, n - 2, n - 1);
        }
    }

    private double Median()
    {
        int n = _count;
        if (n == 0)
        {
            return double.NaN;
        }

        int mid = n >> 1;
        return (n & 1) == 1 ? _sorted[mid] : 0.5 * (_sorted[mid - 1] + _sorted[mid]);
    }

    private double MedianAbsoluteDeviation(double center)
    {
        int n = _count;
        if (n == 0 || double.IsNaN(center))
        {
            return double.NaN;
        }

        ref double a = ref MemoryMarshal.GetArrayDataReference(_sorted);
        int middle = n >> 1;
        int split = Unsafe.Add(ref a, middle) >= center && (middle == 0 || Unsafe.Add(ref a, middle - 1) < center)
            ? middle
            : LowerBound(ref a, n, center);
        return MadSelection.Select(new SortedArrayRanks(ref a), n, split, center, ref _madHint);
    }

    private int LowerBound(ref double a, int count, double x)
    {
        int fullBlocks = count / _block;
        int block = Below(ref MemoryMarshal.GetArrayDataReference(_fences), fullBlocks, x);
        int start = block * _block;
        return start + Below(ref Unsafe.Add(ref a, start), Math.Min(_block, count - start), x);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void RefreshFences(int first, int last, int count)
    {
        int end = Math.Min(last, count - 1);
        for (int j = first / _block; ((j + 1) * _block) - 1 <= end; j++)
        {
            _fences[j] = _sorted[((j + 1) * _block) - 1];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Below(ref double p, int length, double x)
    {
        int count = 0;
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<double> wx = Vector512.Create(x);
            for (; i + Vector512<double>.Count <= length; i += Vector512<double>.Count)
            {
                count += BitOperations.PopCount(Vector512.LessThan(Vector512.LoadUnsafe(ref p, (nuint)i), wx).ExtractMostSignificantBits());
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<double> vx = Vector256.Create(x);
            for (; i + Vector256<double>.Count <= length; i += Vector256<double>.Count)
            {
                count += BitOperations.PopCount(Vector256.LessThan(Vector256.LoadUnsafe(ref p, (nuint)i), vx).ExtractMostSignificantBits());
            }
        }

        for (; i < length; i++)
        {
            count += Unsafe.Add(ref p, i) < x ? 1 : 0;
        }

        return count;
    }
}
