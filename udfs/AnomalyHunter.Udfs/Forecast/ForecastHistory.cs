using AnomalyHunter.Udfs.Kernels;

namespace AnomalyHunter.Udfs.Forecast;

/// <summary>A ring of the most recent finite points (timestamp and value) kept for refits; its size is the bound of the scorer's state.</summary>
internal sealed class ForecastHistory
{
    private readonly long[] _timestamps;
    private readonly double[] _values;
    private int _head;

    public ForecastHistory(int capacity)
    {
        // why: slots past Count are never read (the ring fills from slot 0), so the 128 KB of a history need no zeroing.
        _timestamps = GC.AllocateUninitializedArray<long>(capacity);
        _values = GC.AllocateUninitializedArray<double>(capacity);
    }

    public int Count { get; private set; }

    public void Add(long timestampMs, double value)
    {
        _timestamps[_head] = timestampMs;
        _values[_head] = value;
        _head = _head + 1 == _values.Length ? 0 : _head + 1;
        Count = Math.Min(Count + 1, _values.Length);
    }

    /// <summary>Copies the points, oldest first, into the two destinations (each at least <see cref="Count"/> long).</summary>
    public void CopyTo(Span<long> timestampsMs, Span<double> values)
    {
        int start = Count == _values.Length ? _head : 0;
        for (int i = 0; i < Count; i++)
        {
            int at = start + i;
            at = at >= _values.Length ? at - _values.Length : at;
            timestampsMs[i] = _timestamps[at];
            values[i] = _values[at];
        }
    }

    public void Write(ref StateBufferWriter w)
    {
        // why: the ring's two runs are written as blocks, oldest first, the same bytes as a copied array without the copy.
        int start = Count == _values.Length ? _head : 0;
        int first = Math.Min(Count, _values.Length - start);
        w.Write(Count);
        w.WriteBlock(_timestamps.AsSpan(start, first));
        w.WriteBlock(_timestamps.AsSpan(0, Count - first));
        w.Write(Count);
        w.WriteBlock(_values.AsSpan(start, first));
        w.WriteBlock(_values.AsSpan(0, Count - first));
    }

    /// <summary>Reads a history written by <see cref="Write"/> into this empty ring: the points land where adding them one by one would put them.</summary>
    public void Read(ref StateBufferReader r)
    {
        // why: read straight into the ring instead of through two temporary arrays and an add per point; with
        // n ≤ capacity points added to an empty ring, point i sits in slot i and the head is n (0 when full).
        int n = r.ReadInto(_timestamps);
        if (r.ReadInto(_values) != n)
        {
            throw new InvalidDataException("Saved forecast history is inconsistent.");
        }

        Count = n;
        _head = n == _values.Length ? 0 : n;
    }
}
