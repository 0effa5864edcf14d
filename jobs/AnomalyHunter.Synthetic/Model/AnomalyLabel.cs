namespace AnomalyHunter.Synthetic.Model;

/// <summary>The ground truth of one injected anomaly.</summary>
/// <param name="Id">Identifier, such as <c>A0007</c>, numbered by start time.</param>
/// <param name="Kind">The kind of anomaly.</param>
/// <param name="Start">First affected step over all its series (UTC, inclusive, aligned to the step).</param>
/// <param name="End">Last affected step over all its series (UTC, inclusive, aligned to the step).</param>
/// <param name="Magnitude">Size on the first (origin) series; see <see cref="AffectedSeries.Magnitude"/> for units.</param>
/// <param name="Detail">Kind-specific detail, such as <c>invert</c> for a seasonality break or <c>host</c> for an incident group; empty when none.</param>
/// <param name="IncidentId">Incident identifier, such as <c>I003</c>, for correlated incidents; null otherwise.</param>
/// <param name="Origin">Key of the series that moves first, for correlated incidents; null otherwise.</param>
/// <param name="Members">The affected series, origin first.</param>
public sealed record AnomalyLabel(
    string Id,
    AnomalyKind Kind,
    DateTimeOffset Start,
    DateTimeOffset End,
    double Magnitude,
    string Detail,
    string? IncidentId,
    string? Origin,
    IReadOnlyList<AffectedSeries> Members)
{
    /// <summary>The keys of the affected series, origin first.</summary>
    public IEnumerable<string> SeriesKeys => Members.Select(m => m.SeriesKey);
}
