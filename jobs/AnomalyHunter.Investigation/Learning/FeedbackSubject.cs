namespace AnomalyHunter.Investigation.Learning;

/// <summary>The parts of a verdict the learning rule needs.</summary>
/// <param name="Decision"><c>anomaly</c> or <c>noise</c>.</param>
/// <param name="Pattern">The verdict's pattern.</param>
/// <param name="Metric">The series' metric.</param>
/// <param name="Passes">Detector passes that produced the candidate.</param>
/// <param name="AgentConfidences">Each agent's confidence that the candidate is real.</param>
public sealed record FeedbackSubject(string Decision, string Pattern, string Metric, IReadOnlyList<string> Passes, IReadOnlyDictionary<string, double> AgentConfidences);
