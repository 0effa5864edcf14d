namespace AnomalyHunter.Investigation.Findings;

/// <summary>Where a finding came from.</summary>
public static class FindingSources
{
    /// <summary>The deterministic offline agent.</summary>
    public const string Offline = "offline";

    /// <summary>A language model.</summary>
    public const string Llm = "llm";
}
