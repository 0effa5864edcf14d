using AnomalyHunter.Lakehouse.Model;

namespace AnomalyHunter.Investigation.Runbooks;

/// <summary>What a runbook is matched against.</summary>
/// <param name="Pattern">The verdict's pattern.</param>
/// <param name="Key">The series.</param>
/// <param name="Severity">The verdict's severity.</param>
/// <param name="Direction"><c>up</c> or <c>down</c>.</param>
/// <param name="StartMs">Window start.</param>
/// <param name="EndMs">Window end.</param>
public sealed record RunbookSubject(string Pattern, SeriesKey Key, int Severity, string Direction, long StartMs, long EndMs);
