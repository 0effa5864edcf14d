namespace AnomalyHunter.Synthetic.Model;

/// <summary>The snake_case label text of each <see cref="AnomalyKind"/> (used in label files and score tables).</summary>
public static class AnomalyKindNames
{
    /// <summary>All kinds in table order.</summary>
    public static IReadOnlyList<AnomalyKind> All { get; } =
    [
        AnomalyKind.Spike,
        AnomalyKind.Dip,
        AnomalyKind.LevelShift,
        AnomalyKind.TrendChange,
        AnomalyKind.VarianceChange,
        AnomalyKind.SeasonalityBreak,
        AnomalyKind.MissingData,
        AnomalyKind.CorrelatedIncident,
    ];

    /// <summary>Returns the label text of <paramref name="kind"/>, such as <c>level_shift</c>.</summary>
    public static string ToName(this AnomalyKind kind) => kind switch
    {
        AnomalyKind.Spike => "spike",
        AnomalyKind.Dip => "dip",
        AnomalyKind.LevelShift => "level_shift",
        AnomalyKind.TrendChange => "trend_change",
        AnomalyKind.VarianceChange => "variance_change",
        AnomalyKind.SeasonalityBreak => "seasonality_break",
        AnomalyKind.MissingData => "missing_data",
        AnomalyKind.CorrelatedIncident => "correlated_incident",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown anomaly kind."),
    };

    /// <summary>Parses label text such as <c>level_shift</c>; throws <see cref="FormatException"/> for unknown text.</summary>
    public static AnomalyKind Parse(string name)
    {
        foreach (AnomalyKind kind in All)
        {
            if (string.Equals(kind.ToName(), name, StringComparison.Ordinal))
            {
                return kind;
            }
        }

        throw new FormatException($"Unknown anomaly kind '{name}'.");
    }
}
