using System.Globalization;
using System.Text;
using System.Text.Json;
using Parquet.Serialization;

namespace AnomalyHunter.Jobs.Query;

/// <summary>Writes anomaly rows as CSV, JSON or Parquet; files are written under a temporary name and renamed.</summary>
public static class AnomalyExport
{
    /// <summary>Writes CSV (RFC 4180, ISO-8601 UTC times, invariant numbers).</summary>
    public static async Task WriteCsvAsync(TextWriter writer, IReadOnlyList<AnomalyRow> rows, CancellationToken cancellationToken)
    {
        await writer.WriteAsync("anomaly_id,scope,group,series,metric,tenant,region,start,end,peak_time,peak_score,points,passes,contributions,detector,open,first_run_id,last_run_id\n".AsMemory(), cancellationToken);
        var sb = new StringBuilder();
        foreach (var r in rows)
        {
            sb.Clear();
            sb.Append(Csv(r.AnomalyId)).Append(',').Append(Csv(r.Scope)).Append(',').Append(Csv(r.Group)).Append(',').Append(Csv(r.Series)).Append(',').Append(Csv(r.Metric)).Append(',')
              .Append(Csv(r.Tenant)).Append(',').Append(Csv(r.Region)).Append(',')
              .Append(Iso(r.Start)).Append(',').Append(Iso(r.End)).Append(',').Append(Iso(r.PeakTime)).Append(',')
              .Append(r.PeakScore.ToString("R", CultureInfo.InvariantCulture)).Append(',')
              .Append(r.Points.ToString(CultureInfo.InvariantCulture)).Append(',').Append(Csv(r.Passes)).Append(',').Append(Csv(r.Contributions)).Append(',')
              .Append(Csv(r.Detector)).Append(',').Append(r.Open ? "true" : "false").Append(',')
              .Append(Csv(r.FirstRunId)).Append(',').Append(Csv(r.LastRunId)).Append('\n');
            await writer.WriteAsync(sb, cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>Writes a JSON array.</summary>
    public static async Task WriteJsonAsync(Stream stream, IReadOnlyList<AnomalyRow> rows, CancellationToken cancellationToken) =>
        await JsonSerializer.SerializeAsync(stream, rows, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }, cancellationToken);

    /// <summary>Writes a file in the given format ("csv", "json" or "parquet") atomically.</summary>
    public static async Task WriteFileAsync(string path, string format, IReadOnlyList<AnomalyRow> rows, CancellationToken cancellationToken)
    {
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        string temporary = full + ".tmp";
        await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
        {
            switch (format)
            {
                case "csv":
                    await using (var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
                    {
                        await WriteCsvAsync(writer, rows, cancellationToken);
                    }

                    break;
                case "json":
                    await WriteJsonAsync(stream, rows, cancellationToken);
                    break;
                case "parquet":
                    await ParquetSerializer.SerializeAsync(rows, stream, cancellationToken: cancellationToken);
                    break;
                default:
                    throw new ArgumentException($"--format: '{format}' is not one of: csv, json, parquet.", nameof(format));
            }

            await stream.FlushAsync(cancellationToken);
        }

        File.Move(temporary, full, overwrite: true);
    }

    private static string Iso(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
