namespace AnomalyHunter.Investigation.Llm;

/// <summary>The price of a model per million tokens, in the configured currency.</summary>
public sealed record ModelPrice
{
    /// <summary>Per million input (prompt) tokens.</summary>
    public double InputPerMillion { get; init; }

    /// <summary>Per million output (completion) tokens.</summary>
    public double OutputPerMillion { get; init; }

    /// <summary>Cost of a call.</summary>
    public double Cost(long inputTokens, long outputTokens) => ((inputTokens * InputPerMillion) + (outputTokens * OutputPerMillion)) / 1_000_000.0;
}
