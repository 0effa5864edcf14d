using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using AnomalyHunter.Udfs.Kernels;

namespace AnomalyHunter.Udfs.Detection.Novelty;

/// <summary>Counts the values of the last points per cell of a grid laid over the remembered range, to tell whether a value is new.</summary>
/// <remarks>
/// A value is new when neither its cell nor the <c>reach</c> cells on each side hold any of the last <c>window</c> values,
/// or when it lies off the grid. The grid spans the remembered range plus a headroom on each side, split into equal cells; it is
/// laid again (and the counts rebuilt from the ring of recent values) only when the range leaves the grid or shrinks
/// below a quarter of it, so a drifting series costs a rebuild per doubling of its range, not per point.
/// A grid over a zero range (every value so far equal) has cells of width 0: a value is new when it differs.
/// </remarks>
internal sealed class ValueGrid
{
    private readonly double[] _ring;
    private readonly int[] _counts;
    private readonly double _headroom;
    private readonly double _relayBelow;
    private readonly int _reach;
    private int _filled;
    private int _head;
    private double _lo = double.NaN;
    private double _width;

    public ValueGrid(int window, int cells, int reach, double headroom, double relayBelow)
    {
        _reach = reach;
        _relayBelow = relayBelow;
        _ring = new double[window];
        _counts = new int[cells];
        _headroom = headroom;
    }

    /// <summary>Lower edge of the grid; NaN before any value.</summary>
    public double Lo => _lo;

    /// <summary>Width of one cell; 0 while every value so far is equal.</summary>
    public double Width => _width;

    /// <summary>Number of cells.</summary>
    public int Cells => _counts.Length;

    /// <summary>Cells on each side of a value's cell that are searched for recent values.</summary>
    public int Reach => _reach;

    /// <summary>Whether <paramref name="x"/> is new: no recent value in its cell or within reach of it; false before any value.</summary>
    public bool IsNew(double x)
    {
        if (_filled == 0)
        {
            return false;
        }

        if (_width == 0.0)
        {
            return x != _lo;
        }

        double at = Math.Floor((x - _lo) / _width);
        if (at < 0.0 || at >= _counts.Length)
        {
            return true;
        }

        int c = (int)at;
        int from = Math.Max(0, c - _reach);
        int to = Math.Min(_counts.Length - 1, c + _reach);
        for (int k = from; k <= to; k++)
        {
            if (_counts[k] != 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Remembers <paramref name="x"/>, first laying the grid again when the range [<paramref name="lo"/>, <paramref name="hi"/>] no longer fits it.</summary>
    public void Add(double x, double lo, double hi)
    {
        double span = _width * _counts.Length;
        bool outside = double.IsNaN(_lo) || lo < _lo || hi > _lo + span || (_width == 0.0 && hi > lo);
        if (outside || (hi - lo) * (1.0 + (2.0 * _headroom)) < _relayBelow * span)
        {
            Lay(lo, hi);
        }

        if (_filled == _ring.Length)
        {
            _counts[CellOf(_ring[_head])]--;
        }
        else
        {
            _filled++;
        }

        _ring[_head] = x;
        _counts[CellOf(x)]++;
        _head = (_head + 1) % _ring.Length;
    }

    private void Lay(double lo, double hi)
    {
        double range = hi - lo;
        _width = range * (1.0 + (2.0 * _headroom)) / _counts.Length;

        // why: half a cell off, so that the range's own ends (always data values) fall mid-cell, not on edges where
        // rounding would decide their cell differently for the same data shifted or scaled.
        _lo = lo - (_headroom * range) - (0.5 * _width);
        Array.Clear(_counts);
        CountRing();
    }

    /// <summary>Adds the cells of the ring's values to the counts: <see cref="CellOf"/> of each, eight at a time where the hardware has 512-bit vectors.</summary>
    private void CountRing()
    {
        int k = 0;
        if (Vector512.IsHardwareAccelerated && _width != 0.0)
        {
            // why: a restore (every batch) and every new layout count thousands of values, each a division; lane by lane
            // the vector operations are the same IEEE operations as CellOf, so every value lands in the same cell.
            var lo = Vector512.Create(_lo);
            var width = Vector512.Create(_width);
            var top = Vector512.Create(_counts.Length - 1.0);
            ref double ring = ref MemoryMarshal.GetArrayDataReference(_ring);
            for (; k <= _filled - Vector512<double>.Count; k += Vector512<double>.Count)
            {
                Vector512<double> at = Vector512.Floor((Vector512.LoadUnsafe(ref ring, (nuint)k) - lo) / width);
                Vector512<long> cells = Vector512.ConvertToInt64(Vector512.Min(Vector512.Max(at, Vector512<double>.Zero), top));
                for (int lane = 0; lane < Vector512<long>.Count; lane++)
                {
                    _counts[(int)cells[lane]]++;
                }
            }
        }

        for (; k < _filled; k++)
        {
            _counts[CellOf(_ring[k])]++;
        }
    }

    private int CellOf(double v)
    {
        if (_width == 0.0)
        {
            return 0;
        }

        // why: values of the ring lie inside the remembered range, hence on the grid; the clamp only absorbs rounding at the edges.
        double at = Math.Floor((v - _lo) / _width);
        return (int)Math.Clamp(at, 0.0, _counts.Length - 1.0);
    }

    public void Write(ref StateBufferWriter w)
    {
        w.Write(_ring.Length);
        w.Write(_filled);
        w.Write(_head);
        w.Write(_lo);
        w.Write(_width);
        w.WriteBlock(_ring.AsSpan(0, _filled));
    }

    public void Read(ref StateBufferReader r)
    {
        if (r.ReadInt32() != _ring.Length)
        {
            throw new InvalidDataException("The saved value grid does not match the configured window.");
        }

        _filled = r.ReadInt32();
        _head = r.ReadInt32();
        if (_filled < 0 || _filled > _ring.Length || (uint)_head >= (uint)_ring.Length)
        {
            throw new InvalidDataException("The saved value grid is inconsistent.");
        }

        _lo = r.ReadDouble();
        _width = r.ReadDouble();
        r.ReadBlock(_ring.AsSpan(0, _filled));
        CountRing();
    }
}
