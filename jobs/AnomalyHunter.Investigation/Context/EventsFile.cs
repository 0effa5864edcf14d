using System.Globalization;
using System.Text.Json;

namespace AnomalyHunter.Investigation.Context;

/// <summary>
/// Reads the optional events file: a JSON array of <c>{"time": "2026-01-12T10:02:00Z", "kind": "deployment", "description": "...",
/// "labels": {"service": "api"}}</c>, or a CSV with the header <c>time,kind,description[,label=value;label=value]</c>.
/// </summary>
public static class EventsFile
{
    /// <summary>Reads the events of <paramref name="path"/>, ordered by time.</summary>
    public static async Task<IReadOnlyList<ChangeEvent>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        string text = await File.ReadAllTextAsync(path, cancellationToken);
        var events = text.TrimStart().StartsWith('[') ? ParseJson(text) : ParseCsv(text);
        return [.. events.OrderBy(e => e.TimeMs)];
    }

    private static List<ChangeEvent> ParseJson(string text)
    {
        var list = new List<ChangeEvent>();
        using var doc = JsonDocument.Parse(text);
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            if (e.TryGetProperty("labels", out var l) && l.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in l.EnumerateObject())
                {
                    labels[p.Name] = p.Value.GetString() ?? string.Empty;
                }
            }

            list.Add(new ChangeEvent(
                ParseTime(e.GetProperty("time").GetString()!),
                e.TryGetProperty("kind", out var k) ? k.GetString() ?? "event" : "event",
                e.TryGetProperty("description", out var d) ? d.GetString() ?? string.Empty : string.Empty,
                labels));
        }

        return list;
    }

    private static List<ChangeEvent> ParseCsv(string text)
    {
        var list = new List<ChangeEvent>();
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (string line in lines.Skip(1))
        {
            string[] f = line.Split(',', 4);
            if (f.Length < 2)
            {
                throw new FormatException($"Events file line '{line}' needs at least time,kind.");
            }

            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            if (f.Length == 4)
            {
                foreach (string pair in f[3].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    int eq = pair.IndexOf('=', StringComparison.Ordinal);
                    if (eq > 0)
                    {
                        labels[pair[..eq]] = pair[(eq + 1)..].Trim('"');
                    }
                }
            }

            list.Add(new ChangeEvent(ParseTime(f[0]), f[1], f.Length > 2 ? f[2] : string.Empty, labels));
        }

        return list;
    }

    private static long ParseTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal).ToUnixTimeMilliseconds();
}
