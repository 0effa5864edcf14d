namespace AnomalyHunter.Investigation.Verdicts;

/// <summary>What a verdict decides.</summary>
public static class VerdictDecisions
{
    /// <summary>A real anomaly that deserves attention.</summary>
    public const string Anomaly = "anomaly";

    /// <summary>Most likely noise or normal behaviour.</summary>
    public const string Noise = "noise";
}
