using System.Globalization;
using System.Text.Json;

namespace AnomalyHunter.Quality.Nab;

/// <summary>Loads the nab-open corpus: data files and their label windows.</summary>
public static class NabCorpus
{
    /// <summary>The corpus folder: ANOMALYHUNTER_NAB_DATA, else shared/datasets/nab-open (see <see cref="Harness.SharedDatasets.Locate"/>).</summary>
    public static string? Locate() => Harness.SharedDatasets.Locate("nab-open", "ANOMALYHUNTER_NAB_DATA");

    /// <summary>Reads every labelled file under <paramref name="root"/> in the order of labels/combined_windows.json.</summary>
    public static IReadOnlyList<NabSeries> Load(string root)
    {
        string windowsPath = Path.Combine(root, "labels", "combined_windows.json");
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(windowsPath));
        var result = new List<NabSeries>();
        foreach (JsonProperty file in doc.RootElement.EnumerateObject())
        {
            string relative = file.Name;
            (long[] ts, double[] values) = ReadCsv(Path.Combine(root, "data", relative));
            var windows = new List<NabWindow>();
            foreach (JsonElement pair in file.Value.EnumerateArray())
            {
                long start = ParseTimestamp(pair[0].GetString()!);
                long end = ParseTimestamp(pair[1].GetString()!);

                // why: NAB finds window limits with list.index, i.e. the first row carrying that timestamp.
                int l = Array.IndexOf(ts, start);
                int r = Array.IndexOf(ts, end);
                if (l < 0 || r < l)
                {
                    throw new InvalidDataException($"Window {pair} of {relative} does not match its rows.");
                }

                windows.Add(new NabWindow(l, r));
            }

            string category = relative[..relative.IndexOf('/', StringComparison.Ordinal)];
            string name = Path.GetFileNameWithoutExtension(relative);
            result.Add(new NabSeries(name, category, ts, values, [.. windows]));
        }

        return result;
    }

    /// <summary>Reads a <c>timestamp,value[,...]</c> CSV with a header line.</summary>
    public static (long[] TimestampsMs, double[] Values) ReadCsv(string path)
    {
        var ts = new List<long>();
        var values = new List<double>();
        bool header = true;
        foreach (string line in File.ReadLines(path))
        {
            if (header)
            {
                header = false;
                continue;
            }

            if (line.Length == 0)
            {
                continue;
            }

            string[] parts = line.Split(',');
            ts.Add(ParseTimestamp(parts[0]));
            values.Add(double.Parse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        return ([.. ts], [.. values]);
    }

    private static readonly string[] TimestampFormats =
    [
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd HH:mm:ss.ffffff",
        "yyyy-MM-ddTHH:mm:ss",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
    ];

    /// <summary>Parses a zone-less timestamp as UTC into epoch milliseconds.</summary>
    public static long ParseTimestamp(string text)
    {
        DateTime t = DateTime.ParseExact(text, TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        return new DateTimeOffset(t, TimeSpan.Zero).ToUnixTimeMilliseconds();
    }
}
