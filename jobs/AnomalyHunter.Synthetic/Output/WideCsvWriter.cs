using System.Text;
using AnomalyHunter.Synthetic.Generation;
using AnomalyHunter.Synthetic.Model;

namespace AnomalyHunter.Synthetic.Output;

/// <summary>Writes all generated data into one wide CSV: one row per timestamp and host, one column per metric.</summary>
/// <remarks>
/// Header <c>timestamp,tenant,region,service,host,&lt;metric&gt;...</c>; a metric missing at a timestamp is an empty cell, and a
/// row whose metrics are all missing is left out. Rows are time-major, hosts in generation order.
/// </remarks>
public static class WideCsvWriter
{
    /// <summary>Writes every point of <paramref name="generator"/> to <paramref name="path"/>; memory use is one day of all series.</summary>
    public static async Task<CsvWriteResult> WriteAsync(SyntheticGenerator generator, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(generator);
        int perHost = generator.Options.MetricsPerHost;
        IReadOnlyList<SeriesInfo> series = generator.Series;
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var hostFields = new byte[series.Count / perHost][];
        for (int h = 0; h < hostFields.Length; h++)
        {
            SeriesInfo s = series[h * perHost];
            hostFields[h] = Encoding.UTF8.GetBytes(
                "," + CsvText.Field(s.Tenant) + "," + CsvText.Field(s.Region) + "," + CsvText.Field(s.Service) + "," + CsvText.Field(s.Host));
        }

        string metrics = string.Join(',', series.Take(perHost).Select(s => CsvText.Field(s.Metric)));
        await using var file = new Utf8CsvFile(path);
        file.Append(Encoding.UTF8.GetBytes("timestamp,tenant,region,service,host," + metrics + "\n"));
        var positions = new int[series.Count];
        foreach (DayChunk day in generator.EnumerateDays())
        {
            Array.Clear(positions);
            long t = day.FirstTimestampMs;
            for (int step = 0; step < day.Steps; step++, t += day.StepMs)
            {
                cancellationToken.ThrowIfCancellationRequested();
                for (int h = 0; h < hostFields.Length; h++)
                {
                    if (WriteRow(file, day, positions, h * perHost, perHost, hostFields[h], t))
                    {
                        await file.EndRowAsync(cancellationToken);
                    }
                }
            }
        }

        await file.CompleteAsync(cancellationToken);
        return new CsvWriteResult([path], file.Rows, file.Bytes);
    }

    private static bool WriteRow(Utf8CsvFile file, DayChunk day, int[] positions, int first, int perHost, byte[] hostField, long t)
    {
        bool any = false;
        for (int m = 0; m < perHost && !any; m++)
        {
            ReadOnlySpan<long> timestamps = day.TimestampsOf(first + m);
            any = positions[first + m] < timestamps.Length && timestamps[positions[first + m]] == t;
        }

        if (!any)
        {
            return false;
        }

        file.AppendTimestamp(t);
        file.Append(hostField);
        for (int m = 0; m < perHost; m++)
        {
            int j = first + m;
            file.Append((byte)',');
            ReadOnlySpan<long> timestamps = day.TimestampsOf(j);
            if (positions[j] < timestamps.Length && timestamps[positions[j]] == t)
            {
                file.AppendValue(day.ValuesOf(j)[positions[j]]);
                positions[j]++;
            }
        }

        file.Append((byte)'\n');
        return true;
    }
}
