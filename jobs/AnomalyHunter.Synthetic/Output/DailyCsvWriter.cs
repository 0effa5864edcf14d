using System.Globalization;
using System.Text;
using AnomalyHunter.Synthetic.Generation;

namespace AnomalyHunter.Synthetic.Output;

/// <summary>Writes generated data as long-format CSV, one file per UTC day (<c>YYYY-MM-DD.csv</c>), with the labels beside them.</summary>
/// <remarks>
/// Header <c>timestamp,metric,value,tenant,region,service,host</c>; ISO-8601 UTC timestamps with <c>Z</c>; values in the
/// invariant culture's shortest round-trippable form; rows time-major; missing-data gaps are simply absent.
/// Each file is written under a temporary name and renamed when complete.
/// </remarks>
public static class DailyCsvWriter
{
    /// <summary>Writes one CSV per day plus <c>labels.csv</c> and <c>labels.json</c> into <paramref name="directory"/> (created if needed).</summary>
    public static async Task<CsvWriteResult> WriteAsync(SyntheticGenerator generator, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(generator);
        Directory.CreateDirectory(directory);
        var rows = new LongRows(generator.Series);
        byte[] header = Encoding.ASCII.GetBytes(CsvText.LongHeader + "\n");
        var paths = new List<string>();
        long rowCount = 0;
        long bytes = 0;
        foreach (DayChunk day in generator.EnumerateDays())
        {
            string path = Path.Combine(directory, day.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".csv");
            await using var file = new Utf8CsvFile(path);
            file.Append(header);
            await rows.WriteDayAsync(file, day, cancellationToken);
            await file.CompleteAsync(cancellationToken);
            paths.Add(path);
            rowCount += file.Rows;
            bytes += file.Bytes;
        }

        CsvWriteResult labels = await LabelFileWriter.WriteAsync(generator, directory, cancellationToken);
        return new CsvWriteResult([.. paths, .. labels.Paths], rowCount, bytes + labels.Bytes);
    }
}
