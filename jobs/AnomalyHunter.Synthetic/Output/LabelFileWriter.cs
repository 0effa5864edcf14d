using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AnomalyHunter.Synthetic.Generation;
using AnomalyHunter.Synthetic.Model;

namespace AnomalyHunter.Synthetic.Output;

/// <summary>Writes the anomaly labels as <c>labels.csv</c> (one row per affected series) and <c>labels.json</c> (one record per anomaly).</summary>
public static class LabelFileWriter
{
    /// <summary>File name of the CSV labels.</summary>
    public const string CsvFileName = "labels.csv";

    /// <summary>File name of the JSON labels.</summary>
    public const string JsonFileName = "labels.json";

    /// <summary>Header of <c>labels.csv</c>.</summary>
    public const string CsvHeader = "id,kind,incident_id,series,origin,lag_steps,start,end,magnitude,sigmas,detail";

    /// <summary>Writes both label files of <paramref name="generator"/> into <paramref name="directory"/>.</summary>
    public static async Task<CsvWriteResult> WriteAsync(SyntheticGenerator generator, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(generator);
        Directory.CreateDirectory(directory);
        string csvPath = Path.Combine(directory, CsvFileName);
        string jsonPath = Path.Combine(directory, JsonFileName);
        byte[] csv = Encoding.UTF8.GetBytes(ToCsv(generator.Labels));
        byte[] json = ToJson(generator);
        await WriteAtomicallyAsync(csvPath, csv, cancellationToken);
        await WriteAtomicallyAsync(jsonPath, json, cancellationToken);
        long rows = generator.Labels.Sum(l => (long)l.Members.Count);
        return new CsvWriteResult([csvPath, jsonPath], rows, csv.Length + json.Length);
    }

    /// <summary>The text of <c>labels.csv</c>: one row per (anomaly, affected series), times inclusive, UTC.</summary>
    public static string ToCsv(IEnumerable<AnomalyLabel> labels)
    {
        var sb = new StringBuilder();
        sb.Append(CsvHeader).Append('\n');
        foreach (AnomalyLabel label in labels)
        {
            foreach (AffectedSeries member in label.Members)
            {
                sb.Append(label.Id).Append(',')
                    .Append(label.Kind.ToName()).Append(',')
                    .Append(label.IncidentId ?? string.Empty).Append(',')
                    .Append(CsvText.Field(member.SeriesKey)).Append(',')
                    .Append(CsvText.Field(label.Origin ?? string.Empty)).Append(',')
                    .Append(member.LagSteps.ToString(CultureInfo.InvariantCulture)).Append(',')
                    .Append(CsvText.Timestamp(member.Start)).Append(',')
                    .Append(CsvText.Timestamp(member.End)).Append(',')
                    .Append(CsvText.Number(member.Magnitude)).Append(',')
                    .Append(CsvText.Number(member.Sigmas)).Append(',')
                    .Append(CsvText.Field(label.Detail)).Append('\n');
            }
        }

        return sb.ToString();
    }

    /// <summary>The bytes of <c>labels.json</c>: the generator settings and one record per anomaly.</summary>
    public static byte[] ToJson(SyntheticGenerator generator)
    {
        ArgumentNullException.ThrowIfNull(generator);
        using var stream = new MemoryStream();
        var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var writer = new Utf8JsonWriter(stream, options))
        {
            writer.WriteStartObject();
            writer.WriteString("generator", "AnomalyHunter.Synthetic");
            writer.WriteNumber("seed", generator.Options.Seed);
            writer.WriteString("start", CsvText.Timestamp(generator.Options.Start));
            writer.WriteNumber("step_seconds", (long)generator.Options.Step.TotalSeconds);
            writer.WriteNumber("days", generator.Options.Days);
            writer.WriteNumber("series", generator.Series.Count);
            writer.WriteStartArray("labels");
            foreach (AnomalyLabel label in generator.Labels)
            {
                WriteLabel(writer, label);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static void WriteLabel(Utf8JsonWriter writer, AnomalyLabel label)
    {
        writer.WriteStartObject();
        writer.WriteString("id", label.Id);
        writer.WriteString("kind", label.Kind.ToName());
        writer.WriteString("start", CsvText.Timestamp(label.Start));
        writer.WriteString("end", CsvText.Timestamp(label.End));
        writer.WriteNumber("magnitude", label.Magnitude);
        writer.WriteString("detail", label.Detail);
        WriteNullable(writer, "incident_id", label.IncidentId);
        WriteNullable(writer, "origin", label.Origin);
        writer.WriteStartArray("series");
        foreach (AffectedSeries member in label.Members)
        {
            writer.WriteStartObject();
            writer.WriteString("key", member.SeriesKey);
            writer.WriteNumber("lag_steps", member.LagSteps);
            writer.WriteString("start", CsvText.Timestamp(member.Start));
            writer.WriteString("end", CsvText.Timestamp(member.End));
            writer.WriteNumber("magnitude", member.Magnitude);
            writer.WriteNumber("sigmas", member.Sigmas);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static async Task WriteAtomicallyAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        string temporary = path + ".tmp";
        await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }
}
