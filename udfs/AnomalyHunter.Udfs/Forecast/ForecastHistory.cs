using AnomalyHunter.Udfs.Kernels;

namespace AnomalyHunter.Udfs.Forecast;

/// <summary>A ring of the most recent finite points (timestamp and value) kept for refits; its size is the bound of the scorer's state.</summary>
internal sealed class ForecastHistory
{
    /// <summary>The number of newest differences between neighbours among which the saved step is chosen.</summary>
    private const int StepSample = 256;

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
            int at = Slot(start, i);
            timestampsMs[i] = _timestamps[at];
            values[i] = _values[at];
        }
    }

    /// <summary>
    /// Writes the count, the timestamps as a start, a step and the exceptions to that step, and the values as exact
    /// doubles, oldest first. A regular series stores a few bytes of timestamps instead of eight a point.
    /// </summary>
    public void Write(ref StateBufferWriter w)
    {
        int start = Count == _values.Length ? _head : 0;
        w.Write(Count);
        if (Count == 0)
        {
            return;
        }

        WriteTimestamps(ref w, start);

        // why: the ring's two runs are written as blocks, oldest first, the same bytes as a copied array without the copy.
        int first = Math.Min(Count, _values.Length - start);
        w.WriteBlock(_values.AsSpan(start, first));
        w.WriteBlock(_values.AsSpan(0, Count - first));
    }

    /// <summary>Reads a history written by <see cref="Write"/> into this empty ring: the points land where adding them one by one would put them.</summary>
    public void Read(ref StateBufferReader r)
    {
        // why: read straight into the ring instead of through two temporary arrays and an add per point; with
        // n ≤ capacity points added to an empty ring, point i sits in slot i and the head is n (0 when full).
        int n = r.ReadCount(_values.Length);
        if (n > 0)
        {
            ReadTimestamps(ref r, n);
            r.ReadBlock(_values.AsSpan(0, n));
        }

        Count = n;
        _head = n == _values.Length ? 0 : n;
    }

    /// <summary>
    /// Writes the first timestamp, the step (the majority difference between neighbours) and then, alternately, the
    /// number of neighbours one step apart and the excess of the next difference over the step, ending with a run.
    /// </summary>
    private void WriteTimestamps(ref StateBufferWriter w, int start)
    {
        // why: differences wrap (unchecked) on write and on read alike, so any longs round-trip, even out of order.
        w.Write(_timestamps[start]);
        if (Count == 1)
        {
            return;
        }

        long step = MajorityStep(start);
        w.WriteVarInt64(step);
        int run = 0;
        long previous = _timestamps[start];
        int at = start;
        for (int i = 1; i < Count; i++)
        {
            at = at + 1 == _timestamps.Length ? 0 : at + 1;
            long difference = unchecked(_timestamps[at] - previous);
            previous = _timestamps[at];
            if (difference == step)
            {
                run++;
                continue;
            }

            w.WriteVarUInt64((ulong)run);
            w.WriteVarInt64(unchecked(difference - step));
            run = 0;
        }

        w.WriteVarUInt64((ulong)run);
    }

    private void ReadTimestamps(ref StateBufferReader r, int n)
    {
        long t = r.ReadInt64();
        _timestamps[0] = t;
        if (n == 1)
        {
            return;
        }

        long step = r.ReadVarInt64();
        int i = 1;
        while (true)
        {
            ulong run = r.ReadVarUInt64();
            if (run > (ulong)(n - i))
            {
                throw new InvalidDataException("Saved forecast history is inconsistent.");
            }

            for (int end = i + (int)run; i < end; i++)
            {
                t = unchecked(t + step);
                _timestamps[i] = t;
            }

            if (i == n)
            {
                return;
            }

            t = unchecked(t + step + r.ReadVarInt64());
            _timestamps[i++] = t;
        }
    }

    /// <summary>The difference held by more than half of the newest neighbours, if there is one (otherwise some difference).</summary>
    private long MajorityStep(int start)
    {
        // why: a majority vote (Boyer–Moore) finds the sampling step of a series with gaps without a table; the newest
        // StepSample differences suffice to find it, and any step decodes exactly (only the size depends on it).
        long candidate = 0;
        int votes = 0;
        for (int i = Math.Max(1, Count - StepSample); i < Count; i++)
        {
            long difference = unchecked(_timestamps[Slot(start, i)] - _timestamps[Slot(start, i - 1)]);
            if (votes == 0)
            {
                candidate = difference;
                votes = 1;
            }
            else
            {
                votes += difference == candidate ? 1 : -1;
            }
        }

        return candidate;
    }

    private int Slot(int start, int i)
    {
        int at = start + i;
        return at >= _values.Length ? at - _values.Length : at;
    }
}
