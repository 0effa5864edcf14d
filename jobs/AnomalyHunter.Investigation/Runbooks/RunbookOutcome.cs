namespace AnomalyHunter.Investigation.Runbooks;

/// <summary>How a runbook fared: problems it resolved, and confirmed problems it was offered first for that something else resolved.</summary>
/// <param name="Resolved">Feedback that named it with <c>--resolved-by</c>.</param>
/// <param name="NotResolved">Confirmed verdicts that offered it first but were resolved otherwise.</param>
public sealed record RunbookOutcome(
    [property: System.Text.Json.Serialization.JsonPropertyName("resolved")] int Resolved,
    [property: System.Text.Json.Serialization.JsonPropertyName("not_resolved")] int NotResolved)
{
    /// <summary>Posterior mean of its success rate, Beta(1 + resolved, 1 + not resolved).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public double SuccessRate => (1.0 + Resolved) / (2.0 + Resolved + NotResolved);
}
