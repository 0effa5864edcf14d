namespace AnomalyHunter.Investigation.Job;

/// <summary>Which candidates an investigate run takes.</summary>
public sealed record InvestigateRequest
{
    /// <summary>The detect run whose new or changed windows are the candidates (null: the latest successful detect run).</summary>
    public string? DetectRunId { get; init; }

    /// <summary>Investigate again windows that already have a verdict for the same state.</summary>
    public bool Force { get; init; }
}
