using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AnomalyHunter.Udfs.Kernels;

/// <summary>Order statistics of the lowest ranks of a <see cref="SortedBlocks"/>, and updates by value.</summary>
internal sealed partial class SortedBlocks
{
    /// <summary>Puts the finite <paramref name="x"/> at the first spare, rank <paramref name="n"/> (the number of finite values held), before the values equal to it.</summary>
    public void Insert(int n, double x) => Replace(n, LowerBound(x), x);

    /// <summary>
    /// Sets the values to the finite <paramref name="values"/> (fewer than <see cref="Length"/>) in the arrangement that
    /// inserting them one by one in this order with <see cref="Insert"/> gives, at the cost of one sort.
    /// </summary>
    /// <remarks>Finite values that compare equal have the same bits, except −0 and +0: each insert goes before the values equal to it, so the zeros end up in the reverse of their order in <paramref name="values"/>.</remarks>
    // why: the stack buffer is written before it is read; zeroing its 4 KB on every restore is wasted.
    [SkipLocalsInit]
    public void LoadAsInserted(ReadOnlySpan<double> values)
    {
        const int OnStack = 512;
        int n = values.Length;
        double[]? rented = n > OnStack ? ArrayPool<double>.Shared.Rent(n) : null;
        Span<double> buffer = rented is null ? stackalloc double[OnStack] : rented;
        Span<double> sorted = buffer[..n];
        try
        {
            values.CopyTo(sorted);
            sorted.Sort();

            // why: an explicit IEEE compare, so both zeros match.
            int at = 0;
            while (at < n && sorted[at] < 0.0)
            {
                at++;
            }

            for (int i = n - 1; i >= 0; i--)
            {
                if (values[i] == 0.0)
                {
                    sorted[at++] = values[i];
                }
            }

            Clear();
            for (int b = 0; b << _shift < n; b++)
            {
                int from = b << _shift;
                sorted.Slice(from, Math.Min(_size, n - from)).CopyTo(MemoryMarshal.CreateSpan(ref Items(b), _size));
                _fences[b] = MemoryMarshal.CreateSpan(ref Items(b), _size)[_size - 1];
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Sets the lowest <paramref name="n"/> values (fewer than <see cref="Length"/>) to +0 and the others to +∞: what <see cref="LoadAsInserted"/> gives for <paramref name="n"/> zeros, without its sort.</summary>
    public void LoadZeros(int n)
    {
        Clear();
        for (int b = 0; b << _shift < n; b++)
        {
            int from = b << _shift;
            Span<double> block = MemoryMarshal.CreateSpan(ref Items(b), _size);
            block[..Math.Min(_size, n - from)].Clear();
            _fences[b] = block[_size - 1];
        }
    }

    /// <summary>Removes the finite <paramref name="old"/> (the first of the values equal to it) and inserts the finite <paramref name="x"/> before the values equal to it.</summary>
    public void ReplaceValue(double old, double x)
    {
        int from = LowerBound(old);
        if (this[from] != old)
        {
            throw new InvalidOperationException("The value leaving the window is not in the sorted window.");
        }

        Replace(from, LowerBound(x), x);
    }

    /// <summary>Median of ranks [0, <paramref name="n"/>); NaN when n is 0.</summary>
    public double Median(int n)
    {
        if (n == 0)
        {
            return double.NaN;
        }

        Ranks a = View();
        int mid = n >> 1;
        return (n & 1) == 1 ? a[mid] : 0.5 * (a[mid - 1] + a[mid]);
    }

    /// <summary>Median of |x − <paramref name="center"/>| over ranks [0, <paramref name="n"/>) (unscaled); NaN when n is 0 or the center is NaN.</summary>
    /// <remarks>See <see cref="MadSelection"/>; the search starts from <paramref name="hint"/>, which receives this call's answer.</remarks>
    public double MedianAbsoluteDeviation(int n, double center, ref int hint)
    {
        if (n == 0 || double.IsNaN(center))
        {
            return double.NaN;
        }

        Ranks a = View();

        // why: for the values' own median the split is almost always the middle index; the search is the fallback.
        int middle = n >> 1;
        int split = a[middle] >= center && (middle == 0 || a[middle - 1] < center)
            ? middle
            : LowerBound(center);
        return MadSelection.Select(a, n, split, center, ref hint);
    }

    /// <summary>Mean of |x − <paramref name="center"/>| over ranks [0, <paramref name="n"/>), summed in ascending rank order; NaN when n is 0.</summary>
    public double MeanAbsoluteDeviation(int n, double center)
    {
        if (n == 0)
        {
            return double.NaN;
        }

        Ranks a = View();
        double sum = 0.0;
        for (int i = 0; i < n; i++)
        {
            sum += Math.Abs(a[i] - center);
        }

        return sum / n;
    }
}
