using System.Runtime.InteropServices;
using AnomalyHunter.Udfs.Detection.Ensemble;

namespace AnomalyHunter.Udfs.Detection.Statistical;

/// <summary>The same time of day on previous days: per time-of-day bin, the last value seen on each of the last few days.</summary>
/// <remarks>Indexing by UTC time of day keeps the comparison aligned across gaps and irregular sampling.</remarks>
internal sealed class SeasonalProfile
{
    private const long MillisecondsPerDay = 86_400_000L;
    private readonly int _days;
    private readonly int _slots;
    private readonly long _binMs;
    private readonly double[] _values;
    private readonly long[] _dayOf;
    private readonly double[] _scratch;

    private readonly int _minDays;
    private long _cachedDay;
    private int _cachedSlot;

    public SeasonalProfile(int bins, int days, int minDays = 1)
    {
        _minDays = minDays;
        _days = days;

        // why: one slot more than the days compared, so the current day never overwrites the oldest day it compares with.
        _slots = days + 1;
        _binMs = MillisecondsPerDay / bins;
        _values = new double[bins * _slots];
        _dayOf = new long[bins * _slots];
        Array.Fill(_dayOf, long.MinValue);
        _scratch = new double[days];
    }

    /// <summary>The slot of a UTC epoch-millisecond timestamp: its day number and time-of-day bin.</summary>
    public (long Day, int Bin) Slot(long timestampMs) => TimeSlot.Of(timestampMs, MillisecondsPerDay, _binMs);

    /// <summary>The median of the values of the same bin on the previous days that have one; NaN when fewer than the minimum number of days have.</summary>
    public double Predict(long day, int bin)
    {
        int n = 0;
        int row = bin * _slots;
        int today = SlotOf(day);
        for (int k = 1; k <= _days; k++)
        {
            // why: day − k's slot from today's without a division; k < slots, so one wrap at most.
            int back = today - k;
            int slot = row + (back < 0 ? back + _slots : back);
            if (_dayOf[slot] == day - k)
            {
                _scratch[n++] = _values[slot];
            }
        }

        if (n < _minDays)
        {
            return double.NaN;
        }

        return n switch
        {
            0 => double.NaN,
            1 => _scratch[0],
            2 => 0.5 * (_scratch[0] + _scratch[1]),
            _ => MedianOf(_scratch.AsSpan(0, n)),
        };
    }

    /// <summary>The slot of <paramref name="day"/>, remembered for the next call: a day's points ask for the same slot, and the divisions cost more than the rest of a prediction.</summary>
    private int SlotOf(long day)
    {
        if (day != _cachedDay)
        {
            _cachedSlot = (int)(((day % _slots) + _slots) % _slots);
            _cachedDay = day;
        }

        return _cachedSlot;
    }

    private static double MedianOf(Span<double> items)
    {
        if (items.Length == 3)
        {
            // why: the common case, without a sort.
            double a = items[0], b = items[1], c = items[2];
            return Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));
        }

        items.Sort();
        int mid = items.Length / 2;
        return (items.Length & 1) == 1 ? items[mid] : 0.5 * (items[mid - 1] + items[mid]);
    }

    /// <summary>Records <paramref name="x"/> as the latest value of its bin on its day.</summary>
    public void Update(long day, int bin, double x)
    {
        int slot = (bin * _slots) + SlotOf(day);
        _values[slot] = x;
        _dayOf[slot] = day;
    }

    public void Write(ref StateWriter w)
    {
        w.Write(_values);

        // why: a length and the days' bits little-endian is what a length-prefixed array of doubles with the same bits writes, in one call instead of one per bin and day.
        w.Write(MemoryMarshal.Cast<long, double>(_dayOf));
    }

    public void Read(ref StateReader r)
    {
        r.ReadDoubles(_values);

        // why: the days were written as doubles with their bits (see Write); reading only moves the bits, so every day comes back exactly.
        r.ReadDoubles(MemoryMarshal.Cast<long, double>(_dayOf.AsSpan()));
    }

    public void Write(ref Kernels.StateBufferWriter w)
    {
        w.Write(_values.Length);
        w.WriteBlock(_values);
        w.WriteBlock(_dayOf);
    }

    public void Read(ref Kernels.StateBufferReader r)
    {
        if (r.ReadInt32() != _values.Length)
        {
            throw new InvalidDataException("The saved seasonal profile does not match the configured bins and days.");
        }

        r.ReadBlock(_values);
        r.ReadBlock(_dayOf);
    }
}
