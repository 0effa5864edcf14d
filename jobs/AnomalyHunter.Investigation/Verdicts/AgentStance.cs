using System.Text.Json.Serialization;

namespace AnomalyHunter.Investigation.Verdicts;

/// <summary>How one agent voted and how much its vote counted.</summary>
/// <param name="Agent">Agent name.</param>
/// <param name="Vote"><c>real</c> or <c>not real</c>.</param>
/// <param name="Confidence">The agent's confidence that the candidate is real.</param>
/// <param name="Weight">The learned weight of the agent on the verdict's pattern.</param>
/// <param name="AgreesWithDecision">Whether its vote matches the verdict's decision.</param>
/// <param name="Source"><c>offline</c> or <c>llm</c>.</param>
public sealed record AgentStance(
    [property: JsonPropertyName("agent")] string Agent,
    [property: JsonPropertyName("vote")] string Vote,
    [property: JsonPropertyName("confidence")] double Confidence,
    [property: JsonPropertyName("weight")] double Weight,
    [property: JsonPropertyName("agrees_with_decision")] bool AgreesWithDecision,
    [property: JsonPropertyName("source")] string Source);
