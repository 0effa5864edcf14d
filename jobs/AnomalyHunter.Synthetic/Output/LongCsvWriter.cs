using System.Text;
using AnomalyHunter.Synthetic.Generation;

namespace AnomalyHunter.Synthetic.Output;

/// <summary>Writes all generated data into one long-format CSV (the ingest benchmark's input), streaming day by day.</summary>
/// <remarks>Same layout as <see cref="DailyCsvWriter"/>: the file is the daily files concatenated under one header.</remarks>
public static class LongCsvWriter
{
    /// <summary>Writes every point of <paramref name="generator"/> to <paramref name="path"/>; memory use is one day of all series.</summary>
    public static async Task<CsvWriteResult> WriteAsync(SyntheticGenerator generator, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(generator);
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var rows = new LongRows(generator.Series);
        await using var file = new Utf8CsvFile(path);
        file.Append(Encoding.ASCII.GetBytes(CsvText.LongHeader + "\n"));
        foreach (DayChunk day in generator.EnumerateDays())
        {
            await rows.WriteDayAsync(file, day, cancellationToken);
        }

        await file.CompleteAsync(cancellationToken);
        return new CsvWriteResult([path], file.Rows, file.Bytes);
    }
}
