using AnomalyHunter.Synthetic.Model;

namespace AnomalyHunter.Synthetic.Generation;

/// <summary>One UTC day of every series from a stream; the buffers are reused, so copy them to keep them past the next item.</summary>
public sealed record DayChunk
{
    private readonly long[] _timestamps;
    private readonly double[] _values;
    private readonly int[] _lengths;
    private readonly int _stride;

    internal DayChunk(DateOnly day, long firstTimestampMs, int steps, long stepMs, IReadOnlyList<SeriesInfo> series, long[] timestamps, double[] values, int[] lengths, int stride)
    {
        Day = day;
        FirstTimestampMs = firstTimestampMs;
        Steps = steps;
        StepMs = stepMs;
        Series = series;
        _timestamps = timestamps;
        _values = values;
        _lengths = lengths;
        _stride = stride;
    }

    /// <summary>The UTC date.</summary>
    public DateOnly Day { get; }

    /// <summary>UTC epoch milliseconds of the first step in this chunk.</summary>
    public long FirstTimestampMs { get; }

    /// <summary>Steps per series in this chunk before gaps are removed (a whole day except at partial ends).</summary>
    public int Steps { get; }

    /// <summary>Step length in milliseconds.</summary>
    public long StepMs { get; }

    /// <summary>The series, in generation order.</summary>
    public IReadOnlyList<SeriesInfo> Series { get; }

    /// <summary>Number of points of the day over all series.</summary>
    public long PointCount => _lengths.Sum(l => (long)l);

    /// <summary>Timestamps (UTC epoch milliseconds) of series <paramref name="index"/> on this day.</summary>
    public ReadOnlySpan<long> TimestampsOf(int index) => _timestamps.AsSpan(index * _stride, _lengths[index]);

    /// <summary>Values of series <paramref name="index"/> on this day.</summary>
    public ReadOnlySpan<double> ValuesOf(int index) => _values.AsSpan(index * _stride, _lengths[index]);
}
