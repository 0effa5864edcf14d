using AnomalyHunter.Udfs.Detection.Ensemble;
using AnomalyHunter.Udfs.Kernels;

namespace AnomalyHunter.Udfs.Detection.Statistical;

/// <summary>The last n values of a stream and their exact median, kept as a ring plus a sorted copy.</summary>
/// <remarks>
/// The sorted copy lives in <see cref="SortedBlocks"/> (SIMD rank searches and vector moves; measured faster than a
/// sorted array's walk for windows 6, 12 and 96 alike), and from the first value that is not finite on in a
/// <see cref="SortedWindow"/> (the blocks sort finite values only). Both put a value before the values equal to it and
/// drop the first of equal values, so they hold the same arrangement, down to the order of −0 and +0.
/// </remarks>
internal sealed class RecentValues
{
    private readonly double[] _ring;
    private readonly SortedBlocks _blocks;
    private SortedWindow? _sorted;
    private int _head;

    /// <summary>Starts with n zeros, so the median is defined from the first value on.</summary>
    public RecentValues(int n)
    {
        _ring = new double[n];
        _blocks = new SortedBlocks(n);

        // why: the ring starts as zeros; laid out directly, without the sort of a load (a restore loads the saved ring next).
        _blocks.LoadZeros(n);
    }

    /// <summary>Adds <paramref name="x"/>, dropping the oldest value, and returns the median of the last n values.</summary>
    public double AddAndMedian(double x)
    {
        double old = _ring[_head];
        _ring[_head] = x;
        // why: a compare instead of the modulo, an integer division on every point.
        if (++_head == _ring.Length)
        {
            _head = 0;
        }

        if (_sorted is null && double.IsFinite(x))
        {
            _blocks.ReplaceValue(old, x);
            return _blocks.Median(_ring.Length);
        }

        _sorted ??= Unblocked();
        _sorted.Replace(old, x);
        return _sorted.Median();
    }

    /// <summary>The blocks' values in a sorted array, in the same arrangement.</summary>
    private SortedWindow Unblocked()
    {
        var sorted = new SortedWindow(_ring.Length);
        SortedBlocks.Ranks a = _blocks.View();

        // why: an insert goes before equal values, so inserting from the top rank down keeps the order of equal values (−0, +0).
        for (int r = _ring.Length - 1; r >= 0; r--)
        {
            sorted.Insert(a[r]);
        }

        return sorted;
    }

    public void Write(ref StateWriter w)
    {
        w.Write(_head);
        w.Write(_ring);
    }

    public void Read(ref StateReader r)
    {
        _head = r.ReadInt32();
        r.ReadDoubles(_ring);
        if (_head < 0 || _head >= _ring.Length)
        {
            throw new InvalidDataException("The saved recent values are inconsistent.");
        }

        // why: the arrangement is that of inserting the values in ring order into an empty copy, as restores always have.
        if (_sorted is null && Array.TrueForAll(_ring, double.IsFinite))
        {
            _blocks.LoadAsInserted(_ring);
            return;
        }

        _sorted = new SortedWindow(_ring.Length);
        foreach (double v in _ring)
        {
            _sorted.Insert(v);
        }
    }
}
