using System.Text;
using AnomalyHunter.Lakehouse.Ingest;

namespace AnomalyHunter.Lakehouse.Tests.Ingest;

/// <summary>A temporary folder with helpers to write input files and read them back through the ingest reader.</summary>
internal sealed class IngestTempFolder : IDisposable
{
    public IngestTempFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "ah-ingest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Write(string name, string text) => WriteBytes(name, new UTF8Encoding(false).GetBytes(text));

    public string WriteBytes(string name, byte[] bytes)
    {
        string path = Path.Combine(Root, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public static async Task<IngestResult> ReadAsync(string path, IngestOptions? options = null, TimeProvider? time = null)
    {
        var chunks = new List<SourceChunk>();
        var points = new List<IngestedPoint>();
        var rejected = new List<QuarantinedRow>();
        await foreach (SourceChunk chunk in SourceFileReader.ReadAsync(path, options ?? new IngestOptions(), time ?? FixedTimeProvider.Default, CancellationToken.None))
        {
            chunks.Add(chunk);
            for (int i = 0; i < chunk.Count; i++)
            {
                points.Add(new IngestedPoint(chunk.Keys[chunk.KeyIndex[i]], chunk.TimestampsMs[i], chunk.Values[i], chunk.LineNumbers[i]));
            }

            rejected.AddRange(chunk.Rejected);
        }

        return new IngestResult(chunks, points, rejected);
    }

    public static long Ms(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();

    /// <summary>Parses an RFC 4180 CSV file (for checking the quarantine file).</summary>
    public static List<string[]> ParseCsv(string text)
    {
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                rows.Add([.. fields]);
                fields.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        return rows;
    }
}
