namespace AnomalyHunter.Investigation.Learning;

/// <summary>What a person said about a verdict.</summary>
public enum FeedbackKind
{
    /// <summary>The decision (anomaly or noise) was right.</summary>
    Correct,

    /// <summary>The decision was wrong.</summary>
    Incorrect,

    /// <summary>It was a real anomaly, but the explanation was partly wrong.</summary>
    Partial,
}
