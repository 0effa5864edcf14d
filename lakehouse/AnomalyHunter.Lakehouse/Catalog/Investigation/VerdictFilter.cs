namespace AnomalyHunter.Lakehouse.Catalog.Investigation;

/// <summary>Filters for listing verdicts; null means no filter.</summary>
public sealed record VerdictFilter
{
    /// <summary>Only verdicts written by this investigate run.</summary>
    public string? RunId { get; init; }

    /// <summary>Only verdicts on this anomaly window.</summary>
    public string? AnomalyId { get; init; }

    /// <summary>Only this decision (<c>anomaly</c> or <c>noise</c>).</summary>
    public string? Decision { get; init; }

    /// <summary>Only verdicts at least this severe.</summary>
    public int? MinSeverity { get; init; }

    /// <summary>At most this many, newest first.</summary>
    public int? Limit { get; init; }
}
