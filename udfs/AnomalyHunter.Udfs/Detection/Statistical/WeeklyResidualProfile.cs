using AnomalyHunter.Udfs.Detection.Ensemble;

namespace AnomalyHunter.Udfs.Detection.Statistical;

/// <summary>The mean residual of each time-of-week bin in each of the last few weeks, so a weekly pattern (a weekend drop) left over by a daily baseline is expected.</summary>
/// <remarks>Indexing by UTC time of week keeps the comparison aligned across gaps and irregular sampling.</remarks>
internal sealed class WeeklyResidualProfile
{
    private const long MillisecondsPerWeek = 7L * 86_400_000L;
    private readonly int _weeks;
    private readonly int _slots;
    private readonly long _binMs;
    private readonly double[] _sum;
    private readonly double[] _count;
    private readonly long[] _weekOf;
    private long _cachedWeek;
    private int _cachedSlot;

    public WeeklyResidualProfile(int binMinutes, int weeks)
    {
        _weeks = weeks;

        // why: one slot more than the weeks looked back on, so the current week never overwrites the oldest it compares with.
        _slots = weeks + 1;
        _binMs = binMinutes * 60_000L;
        int bins = (int)(MillisecondsPerWeek / _binMs);
        _sum = new double[bins * _slots];
        _count = new double[bins * _slots];
        _weekOf = new long[bins * _slots];
        Array.Fill(_weekOf, long.MinValue);
    }

    /// <summary>The slot of a UTC epoch-millisecond timestamp: its week number and time-of-week bin.</summary>
    public (long Week, int Bin) Slot(long timestampMs) => TimeSlot.Of(timestampMs, MillisecondsPerWeek, _binMs);

    /// <summary>The mean residual of the bin in the latest previous week that has one; NaN when none of the last weeks has.</summary>
    public double Expected(long week, int bin)
    {
        int row = bin * _slots;
        int current = SlotOf(week);
        for (int k = 1; k <= _weeks; k++)
        {
            // why: week − k's slot from this week's without a division; k < slots, so one wrap at most.
            int back = current - k;
            int slot = row + (back < 0 ? back + _slots : back);
            if (_weekOf[slot] == week - k && _count[slot] > 0.0)
            {
                return _sum[slot] / _count[slot];
            }
        }

        return double.NaN;
    }

    /// <summary>Adds residual <paramref name="e"/> to its bin of its week.</summary>
    public void Add(long week, int bin, double e)
    {
        int slot = (bin * _slots) + SlotOf(week);
        if (_weekOf[slot] != week)
        {
            _weekOf[slot] = week;
            _sum[slot] = 0.0;
            _count[slot] = 0.0;
        }

        _sum[slot] += e;
        _count[slot]++;
    }

    /// <summary>The slot of <paramref name="week"/>, remembered for the next call (a week's points ask for the same slot).</summary>
    private int SlotOf(long week)
    {
        if (week != _cachedWeek)
        {
            _cachedSlot = (int)(((week % _slots) + _slots) % _slots);
            _cachedWeek = week;
        }

        return _cachedSlot;
    }

    public void Write(ref StateWriter w)
    {
        w.Write(_sum);
        w.Write(_count);

        // why: the weeks back to back without a length are the bytes of one long written per slot, in one copy.
        w.WriteBlock(_weekOf);
    }

    public void Read(ref StateReader r)
    {
        r.ReadDoubles(_sum);
        r.ReadDoubles(_count);
        r.ReadBlock(_weekOf);
    }
}
