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
        _timestamps = new long[capacity];
        _values = new double[capacity];
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

    public static ForecastHistory Read(ref StateBufferReader r, int capacity)
    {
        long[] ts = r.ReadInt64s(capacity);
        double[] vs = r.ReadDoubles(capacity);
        if (ts.Length != vs.Length)
        {
            throw new InvalidDataException("Saved forecast history is inconsistent.");
        }

        var history = new ForecastHistory(capacity);
        for (int i = 0; i < ts.Length; i++)
        {
            history.Add(ts[i], vs[i]);
        }

        return history;
    }
}
