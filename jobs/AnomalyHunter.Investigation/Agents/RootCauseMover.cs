namespace AnomalyHunter.Investigation.Agents;

/// <summary>A series that moved with the candidate.</summary>
/// <param name="SeriesId">Series id.</param>
/// <param name="Key">Canonical key.</param>
/// <param name="LagToTarget">Steps from the candidate's start at which its own window fits best.</param>
/// <param name="Correlation">t statistic of its shift (window mean against the two hours before, allowing for autocorrelation).</param>
/// <param name="Excursion">Size of the shift, in sigmas, bracketed by both flanks (see <see cref="LagScanResult.BracketSigmas"/>).</param>
/// <param name="Onset">Onset, in steps from the candidate's start (best placement of the matched filter, refined to a fraction of a step).</param>
/// <param name="OnsetUncertainty">Uncertainty of the onset, in steps (larger for weak deviations).</param>
/// <param name="GrangerF">F statistic of "its past predicts the candidate".</param>
/// <param name="GrangerP">p-value of that test.</param>
/// <param name="IsTarget">Whether it is the candidate's own series.</param>
/// <param name="CanLead">
/// Whether it can be named the first mover: its shift is significant and the fit falls off toward the early end of the lag
/// range, so its onset is known (a candidate that barely moved, or a series whose shift may have begun before the range, cannot).
/// </param>
internal sealed record RootCauseMover(long SeriesId, string Key, int LagToTarget, double Correlation, double Excursion, double Onset, double OnsetUncertainty, double GrangerF, double GrangerP, bool IsTarget, bool CanLead)
{
    /// <summary>Steps after the first mover at which it moved (0 for the first mover and for movers whose onset is not known to be later).</summary>
    public int LeadSteps { get; init; }
}
