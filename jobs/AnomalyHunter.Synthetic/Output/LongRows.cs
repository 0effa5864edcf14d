using AnomalyHunter.Synthetic.Generation;
using AnomalyHunter.Synthetic.Model;

namespace AnomalyHunter.Synthetic.Output;

/// <summary>Writes days of data as long-layout rows, time-major (every series at one timestamp, then the next), as a scraper would.</summary>
internal sealed class LongRows
{
    private readonly byte[][] _metricFields;
    private readonly byte[][] _labelFields;
    private readonly int[] _positions;

    public LongRows(IReadOnlyList<SeriesInfo> series)
    {
        _metricFields = [.. series.Select(CsvText.MetricField)];
        _labelFields = [.. series.Select(CsvText.LabelFields)];
        _positions = new int[series.Count];
    }

    public async Task WriteDayAsync(Utf8CsvFile file, DayChunk day, CancellationToken cancellationToken)
    {
        Array.Clear(_positions);
        long t = day.FirstTimestampMs;
        for (int step = 0; step < day.Steps; step++, t += day.StepMs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (int j = 0; j < _positions.Length; j++)
            {
                if (WriteRow(file, day, j, t))
                {
                    await file.EndRowAsync(cancellationToken);
                }
            }
        }
    }

    private bool WriteRow(Utf8CsvFile file, DayChunk day, int series, long t)
    {
        int position = _positions[series];
        ReadOnlySpan<long> timestamps = day.TimestampsOf(series);
        if (position >= timestamps.Length || timestamps[position] != t)
        {
            return false;
        }

        file.AppendTimestamp(t);
        file.Append(_metricFields[series]);
        file.AppendValue(day.ValuesOf(series)[position]);
        file.Append(_labelFields[series]);
        _positions[series] = position + 1;
        return true;
    }
}
