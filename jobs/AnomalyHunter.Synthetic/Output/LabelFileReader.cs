using System.Globalization;
using System.Text.Json;
using AnomalyHunter.Synthetic.Model;

namespace AnomalyHunter.Synthetic.Output;

/// <summary>Reads the labels that <see cref="LabelFileWriter"/> wrote to <c>labels.json</c>.</summary>
public static class LabelFileReader
{
    /// <summary>Reads the labels from a <c>labels.json</c> file.</summary>
    public static async Task<IReadOnlyList<AnomalyLabel>> ReadJsonAsync(string path, CancellationToken cancellationToken)
    {
        await using FileStream stream = File.OpenRead(path);
        using JsonDocument document = await JsonDocument.ParseAsync(stream, default, cancellationToken);
        return Parse(document.RootElement);
    }

    private static List<AnomalyLabel> Parse(JsonElement root)
    {
        var labels = new List<AnomalyLabel>();
        foreach (JsonElement item in root.GetProperty("labels").EnumerateArray())
        {
            var members = item.GetProperty("series").EnumerateArray().Select(m => new AffectedSeries(
                m.GetProperty("key").GetString()!,
                m.GetProperty("lag_steps").GetInt32(),
                Time(m.GetProperty("start")),
                Time(m.GetProperty("end")),
                m.GetProperty("magnitude").GetDouble(),
                m.GetProperty("sigmas").GetDouble())).ToList();
            labels.Add(new AnomalyLabel(
                item.GetProperty("id").GetString()!,
                AnomalyKindNames.Parse(item.GetProperty("kind").GetString()!),
                Time(item.GetProperty("start")),
                Time(item.GetProperty("end")),
                item.GetProperty("magnitude").GetDouble(),
                item.GetProperty("detail").GetString()!,
                item.GetProperty("incident_id").GetString(),
                item.GetProperty("origin").GetString(),
                members));
        }

        return labels;
    }

    private static DateTimeOffset Time(JsonElement element) =>
        DateTimeOffset.ParseExact(element.GetString()!, "yyyy-MM-dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
