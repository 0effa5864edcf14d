using AnomalyHunter.Udfs.Kernels;

namespace AnomalyHunter.Udfs.Detection.Novelty;

/// <summary>The minimum and maximum of the recent past, kept per block of points so that old extremes are forgotten block by block.</summary>
/// <remarks>
/// The range covers the current (partial) block and the last <c>blocks</c> complete blocks, so it spans between
/// blocks × blockPoints and (blocks + 1) × blockPoints points. State is O(blocks). Empty: NaN limits.
/// </remarks>
internal sealed class RangeMemory
{
    private readonly double[] _blockMin;
    private readonly double[] _blockMax;
    private readonly int _blockPoints;
    private int _filled;
    private int _next;
    private int _inBlock;
    private double _curMin = double.NaN;
    private double _curMax = double.NaN;

    public RangeMemory(int blocks, int blockPoints)
    {
        _blockMin = new double[blocks];
        _blockMax = new double[blocks];
        _blockPoints = blockPoints;
    }

    /// <summary>Smallest value remembered; NaN when nothing is.</summary>
    public double Min { get; private set; } = double.NaN;

    /// <summary>Largest value remembered; NaN when nothing is.</summary>
    public double Max { get; private set; } = double.NaN;

    public void Add(double x)
    {
        _curMin = _inBlock == 0 ? x : Math.Min(_curMin, x);
        _curMax = _inBlock == 0 ? x : Math.Max(_curMax, x);
        _inBlock++;
        Min = double.IsNaN(Min) ? x : Math.Min(Min, x);
        Max = double.IsNaN(Max) ? x : Math.Max(Max, x);
        if (_inBlock < _blockPoints)
        {
            return;
        }

        _blockMin[_next] = _curMin;
        _blockMax[_next] = _curMax;
        _next = (_next + 1) % _blockMin.Length;
        _filled = Math.Min(_filled + 1, _blockMin.Length);
        _inBlock = 0;
        Recompute();
    }

    private void Recompute()
    {
        double lo = double.PositiveInfinity;
        double hi = double.NegativeInfinity;
        for (int b = 0; b < _filled; b++)
        {
            lo = Math.Min(lo, _blockMin[b]);
            hi = Math.Max(hi, _blockMax[b]);
        }

        Min = lo;
        Max = hi;
    }

    public void Write(ref StateBufferWriter w)
    {
        w.Write(_blockMin.Length);
        w.Write(_filled);
        w.Write(_next);
        w.Write(_inBlock);
        w.Write(_curMin);
        w.Write(_curMax);
        w.Write(Min);
        w.Write(Max);
        for (int b = 0; b < _blockMin.Length; b++)
        {
            w.Write(_blockMin[b]);
            w.Write(_blockMax[b]);
        }
    }

    public void Read(ref StateBufferReader r)
    {
        if (r.ReadInt32() != _blockMin.Length)
        {
            throw new InvalidDataException("The saved range memory does not match the configured number of blocks.");
        }

        _filled = r.ReadInt32();
        _next = r.ReadInt32();
        _inBlock = r.ReadInt32();
        if (_filled < 0 || _filled > _blockMin.Length || (uint)_next >= (uint)_blockMin.Length || _inBlock < 0 || _inBlock >= _blockPoints)
        {
            throw new InvalidDataException("The saved range memory is inconsistent.");
        }

        _curMin = r.ReadDouble();
        _curMax = r.ReadDouble();
        Min = r.ReadDouble();
        Max = r.ReadDouble();
        for (int b = 0; b < _blockMin.Length; b++)
        {
            _blockMin[b] = r.ReadDouble();
            _blockMax[b] = r.ReadDouble();
        }
    }
}
