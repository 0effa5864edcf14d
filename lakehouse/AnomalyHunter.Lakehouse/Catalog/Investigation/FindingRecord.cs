namespace AnomalyHunter.Lakehouse.Catalog.Investigation;

/// <summary>One agent's finding on a verdict, as stored.</summary>
/// <param name="VerdictId">The verdict.</param>
/// <param name="Agent">Agent name, such as <c>root-cause</c>.</param>
/// <param name="Source"><c>offline</c> or <c>llm</c>.</param>
/// <param name="Confidence">0 to 1.</param>
/// <param name="Severity">1 to 10.</param>
/// <param name="FindingJson">The finding document (see the finding JSON schema).</param>
public sealed record FindingRecord(string VerdictId, string Agent, string Source, double Confidence, int Severity, string FindingJson);
