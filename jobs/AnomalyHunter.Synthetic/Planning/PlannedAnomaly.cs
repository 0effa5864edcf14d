using AnomalyHunter.Synthetic.Generation;
using AnomalyHunter.Synthetic.Model;

namespace AnomalyHunter.Synthetic.Planning;

/// <summary>A placed anomaly before it gets its identifier; the first member is the origin.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Members">The labelled series, origin first.</param>
/// <param name="Magnitude">Size on the origin.</param>
/// <param name="Detail">Kind-specific detail text.</param>
/// <param name="Effects">What to apply to which series (index into the models).</param>
internal sealed record PlannedAnomaly(
    AnomalyKind Kind,
    IReadOnlyList<PlannedMember> Members,
    double Magnitude,
    string Detail,
    IReadOnlyList<(int Series, Effect Effect)> Effects)
{
    public int Start => Members.Min(m => m.Start);

    public int End => Members.Max(m => m.End);
}
