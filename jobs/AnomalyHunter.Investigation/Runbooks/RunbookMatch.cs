namespace AnomalyHunter.Investigation.Runbooks;

/// <summary>When a runbook applies; every condition given must hold, and each adds to the match's specificity.</summary>
/// <param name="Patterns">Verdict patterns (empty: any).</param>
/// <param name="Metrics">Metric name globs such as <c>cpu_*</c> (empty: any).</param>
/// <param name="Labels">Label name → value glob (empty: any).</param>
/// <param name="MinSeverity">Least verdict severity.</param>
/// <param name="MaxSeverity">Greatest verdict severity.</param>
/// <param name="Direction"><c>up</c>, <c>down</c> or <c>any</c>.</param>
public sealed record RunbookMatch(
    IReadOnlyList<string> Patterns,
    IReadOnlyList<string> Metrics,
    IReadOnlyDictionary<string, string> Labels,
    int MinSeverity,
    int MaxSeverity,
    string Direction);
