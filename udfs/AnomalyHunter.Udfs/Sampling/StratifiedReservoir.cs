using AnomalyHunter.Udfs.Kernels;

namespace AnomalyHunter.Udfs.Sampling;

/// <summary>A bounded, streaming stratified sample of rows: per (day block × phase bin) stratum, the rows with the smallest hash keys.</summary>
/// <remarks>
/// Strata are the last <see cref="StratifiedSampleOptions.TimeBlocks"/> blocks of <see cref="StratifiedSampleOptions.BlockMs"/>
/// × <see cref="StratifiedSampleOptions.PhaseBins"/> phase bins; each keeps at most Budget / strata rows (at least one).
/// A row's key depends only on the seed and its absolute row index, so the sample after any number of rows is the
/// same however the rows were batched. Rows older than the kept blocks, and late rows for an evicted block, are dropped.
/// </remarks>
internal sealed class StratifiedReservoir
{
    private readonly StratifiedSampleOptions _o;
    private readonly int _width;
    private readonly int _perStratum;
    private readonly double[] _rows;
    private readonly ulong[] _keys;
    private readonly int[] _counts;
    private readonly long[] _blockOfSlot;
    private readonly long[] _seenInSlot;
    private long _latestBlock = long.MinValue;

    public StratifiedReservoir(int width, StratifiedSampleOptions o)
    {
        _o = o;
        _width = width;
        int strata = o.TimeBlocks * o.PhaseBins;
        _perStratum = Math.Max(1, o.Budget / strata);
        _rows = new double[strata * _perStratum * width];
        _keys = new ulong[strata * _perStratum];
        _counts = new int[strata];
        _blockOfSlot = new long[o.TimeBlocks];
        _seenInSlot = new long[o.TimeBlocks];
        Array.Fill(_blockOfSlot, long.MinValue);
    }

    /// <summary>Most rows the sample can hold.</summary>
    public int Capacity => _keys.Length;

    /// <summary>Offers the row with absolute index <paramref name="rowIndex"/>.</summary>
    public void Add(long rowIndex, long timestampMs, ReadOnlySpan<double> row)
    {
        long block = FloorDiv(timestampMs, _o.BlockMs);
        if (_latestBlock != long.MinValue && block <= _latestBlock - _o.TimeBlocks)
        {
            return;
        }

        int slot = (int)FloorMod(block, _o.TimeBlocks);
        if (_blockOfSlot[slot] != block)
        {
            if (block < _blockOfSlot[slot])
            {
                return;
            }

            _blockOfSlot[slot] = block;
            _seenInSlot[slot] = 0;
            _counts.AsSpan(slot * _o.PhaseBins, _o.PhaseBins).Clear();
        }

        _latestBlock = Math.Max(_latestBlock, block);
        _seenInSlot[slot]++;
        int stratum = (slot * _o.PhaseBins) + SampleHash.Phase(timestampMs, _o.PhasePeriodMs, _o.PhaseBins);
        ulong key = SampleHash.Key(_o.Seed, rowIndex);
        int baseAt = stratum * _perStratum;
        int at;
        if (_counts[stratum] < _perStratum)
        {
            at = baseAt + _counts[stratum]++;
        }
        else
        {
            at = baseAt;
            for (int j = baseAt + 1; j < baseAt + _perStratum; j++)
            {
                at = _keys[j] > _keys[at] ? j : at;
            }

            if (key >= _keys[at])
            {
                return;
            }
        }

        _keys[at] = key;
        row.CopyTo(_rows.AsSpan(at * _width, _width));
    }

    /// <summary>Copies the kept rows (oldest block first) into <paramref name="destination"/> (at least Capacity × width long) and returns how many; also the rows seen in the kept blocks.</summary>
    public (int Kept, long Seen) CopyRows(Span<double> destination)
    {
        int kept = 0;
        long seen = 0;
        foreach (int slot in LiveSlotsOldestFirst())
        {
            seen += _seenInSlot[slot];
            for (int phase = 0; phase < _o.PhaseBins; phase++)
            {
                int stratum = (slot * _o.PhaseBins) + phase;
                int count = _counts[stratum];
                _rows.AsSpan(stratum * _perStratum * _width, count * _width).CopyTo(destination[(kept * _width)..]);
                kept += count;
            }
        }

        return (kept, seen);
    }

    public void Write(ref StateBufferWriter w)
    {
        w.Write(_latestBlock);
        w.Write(_blockOfSlot);
        w.Write(_seenInSlot);
        foreach (int slot in LiveSlotsOldestFirst())
        {
            for (int phase = 0; phase < _o.PhaseBins; phase++)
            {
                int stratum = (slot * _o.PhaseBins) + phase;
                w.Write(_counts[stratum]);
                for (int j = 0; j < _counts[stratum]; j++)
                {
                    int at = (stratum * _perStratum) + j;
                    w.Write(unchecked((long)_keys[at]));
                    w.Write(_rows.AsSpan(at * _width, _width));
                }
            }
        }
    }

    public void Read(ref StateBufferReader r)
    {
        _latestBlock = r.ReadInt64();
        long[] blocks = r.ReadInt64s(_blockOfSlot.Length);
        long[] seen = r.ReadInt64s(_seenInSlot.Length);
        if (blocks.Length != _blockOfSlot.Length || seen.Length != _seenInSlot.Length)
        {
            throw new InvalidDataException("Saved sample has another number of time blocks.");
        }

        blocks.CopyTo(_blockOfSlot, 0);
        seen.CopyTo(_seenInSlot, 0);
        Array.Clear(_counts);
        foreach (int slot in LiveSlotsOldestFirst())
        {
            for (int phase = 0; phase < _o.PhaseBins; phase++)
            {
                int stratum = (slot * _o.PhaseBins) + phase;
                int count = r.ReadInt32();
                if (count < 0 || count > _perStratum)
                {
                    throw new InvalidDataException("Saved sample stratum is larger than allowed.");
                }

                _counts[stratum] = count;
                for (int j = 0; j < count; j++)
                {
                    int at = (stratum * _perStratum) + j;
                    _keys[at] = unchecked((ulong)r.ReadInt64());
                    if (r.ReadInto(_rows.AsSpan(at * _width, _width)) != _width)
                    {
                        throw new InvalidDataException("Saved sample row has another width.");
                    }
                }
            }
        }
    }

    private List<int> LiveSlotsOldestFirst()
    {
        var slots = new List<int>(_blockOfSlot.Length);
        if (_latestBlock == long.MinValue)
        {
            return slots;
        }

        for (int s = 0; s < _blockOfSlot.Length; s++)
        {
            if (_blockOfSlot[s] != long.MinValue && _blockOfSlot[s] > _latestBlock - _o.TimeBlocks)
            {
                slots.Add(s);
            }
        }

        slots.Sort((a, b) => _blockOfSlot[a].CompareTo(_blockOfSlot[b]));
        return slots;
    }

    private static long FloorDiv(long a, long b)
    {
        (long q, long r) = Math.DivRem(a, b);
        return r < 0 ? q - 1 : q;
    }

    private static long FloorMod(long a, long b)
    {
        long r = a % b;
        return r < 0 ? r + b : r;
    }
}
