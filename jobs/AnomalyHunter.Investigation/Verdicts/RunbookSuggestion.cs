using System.Text.Json.Serialization;

namespace AnomalyHunter.Investigation.Verdicts;

/// <summary>A runbook offered with a verdict.</summary>
/// <param name="Id">Runbook id.</param>
/// <param name="Title">Runbook title.</param>
/// <param name="Match">How well its conditions match (0–1).</param>
/// <param name="PastSuccess">Posterior rate at which it resolved problems it was offered for (0–1).</param>
/// <param name="Score">The ranking score.</param>
/// <param name="Steps">Its steps.</param>
/// <param name="Verify">Verification commands, with the verdict's series and times filled in.</param>
public sealed record RunbookSuggestion(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("match")] double Match,
    [property: JsonPropertyName("past_success")] double PastSuccess,
    [property: JsonPropertyName("score")] double Score,
    [property: JsonPropertyName("steps")] IReadOnlyList<string> Steps,
    [property: JsonPropertyName("verify")] IReadOnlyList<string> Verify);
