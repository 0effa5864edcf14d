namespace AnomalyHunter.Investigation.Agents;

/// <summary>The best ramp of residuals over a span (see <see cref="DriftFit"/>).</summary>
/// <param name="Sigmas">Signed height of the ramp, in sigmas.</param>
/// <param name="Improvement">(step SSE − ramp SSE) / sigma²: how much better the ramp fits than the best step.</param>
/// <param name="StartMs">Start of the ramp.</param>
/// <param name="EndMs">End of the ramp (the level holds after it).</param>
internal sealed record Drift(double Sigmas, double Improvement, long StartMs, long EndMs)
{
    /// <summary>No ramp could be fitted.</summary>
    public static Drift None { get; } = new(0, 0, 0, 0);
}
