namespace AnomalyHunter.Investigation.Agents;

/// <summary>Names of the three agents.</summary>
public static class AgentNames
{
    /// <summary>What kind of anomaly, and how large against the baseline and the season.</summary>
    public const string PatternAnalyst = "pattern-analyst";

    /// <summary>Change points, before/after statistics, persistence, drift.</summary>
    public const string ChangeDetective = "change-detective";

    /// <summary>Which related series or events moved first.</summary>
    public const string RootCause = "root-cause";

    /// <summary>All three, in the order verdicts list them.</summary>
    public static IReadOnlyList<string> All { get; } = [PatternAnalyst, ChangeDetective, RootCause];
}
