using AnomalyHunter.Lakehouse.Catalog;

namespace AnomalyHunter.Jobs.Detect;

/// <summary>What one detect run scores: the series and groups with new data, where each continues from, and which restart.</summary>
internal sealed class DetectPlan
{
    /// <summary>Per series with new data: its state, and the first timestamp it scores.</summary>
    public Dictionary<long, (SeriesDetection State, long FromMs)> Series { get; } = [];

    /// <summary>Per group with new data: its state, and the first timestamp it scores.</summary>
    public Dictionary<string, (GroupDetection State, long FromMs)> Groups { get; } = new(StringComparer.Ordinal);

    /// <summary>Series that restart from their first point (late data); their windows are replaced.</summary>
    public List<long> ResetSeries { get; } = [];

    /// <summary>Groups that restart (late data or changed members); their windows are replaced.</summary>
    public List<string> ResetGroups { get; } = [];

    /// <summary>Canonical key per series id (for group windows' contributions).</summary>
    public Dictionary<long, string> Keys { get; } = [];

    /// <summary>The first timestamp to read per series: the earliest any series or group needs.</summary>
    public Dictionary<long, long> ReadFrom()
    {
        var from = new Dictionary<long, long>();
        foreach (var (id, (_, f)) in Series)
        {
            from[id] = f;
        }

        foreach (var (_, (group, f)) in Groups)
        {
            foreach (long member in group.Members)
            {
                from[member] = from.TryGetValue(member, out long existing) ? Math.Min(existing, f) : f;
            }
        }

        return from;
    }

    /// <summary>The group key of a series: tenant, region and the label value; null when the series lacks the label.</summary>
    public static string? GroupKeyOf(SeriesRecord series, string label) =>
        series.Key.Label(label) is { Length: > 0 } value ? $"{series.Key.Tenant}/{series.Key.Region}/{label}={value}" : null;
}
