namespace AnomalyHunter.Investigation.OpenAI.Options;

/// <summary>The model behind one agent.</summary>
public sealed record LlmAgentOptions
{
    /// <summary>Default most output tokens per call.</summary>
    public const int DefaultMaxOutputTokens = 800;

    /// <summary>Model name, such as <c>gpt-4.1-mini</c>; empty keeps the agent offline.</summary>
    public string Model { get; init; } = string.Empty;

    /// <summary>Endpoints this agent may use, in order of preference (empty: all endpoints).</summary>
    public IReadOnlyList<string> Endpoints { get; init; } = [];

    /// <summary>Most output tokens per call (16 to 32000).</summary>
    public int MaxOutputTokens { get; init; } = DefaultMaxOutputTokens;
}
