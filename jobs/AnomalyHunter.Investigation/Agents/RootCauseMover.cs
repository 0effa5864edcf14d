namespace AnomalyHunter.Investigation.Agents;

/// <summary>A series that moved with the candidate.</summary>
/// <param name="SeriesId">Series id.</param>
/// <param name="Key">Canonical key.</param>
/// <param name="LagToTarget">Steps from the candidate's start at which its own window fits best.</param>
/// <param name="Correlation">t statistic of its shift (window mean against the two hours before, allowing for autocorrelation).</param>
/// <param name="Excursion">Size of the shift, in sigmas.</param>
/// <param name="Onset">Onset, in steps from the candidate's start (edge detector; fractional steps are not used).</param>
/// <param name="OnsetUncertainty">Uncertainty of the onset, in steps (larger for weak deviations).</param>
/// <param name="GrangerF">F statistic of "its past predicts the candidate".</param>
/// <param name="GrangerP">p-value of that test.</param>
/// <param name="IsTarget">Whether it is the candidate's own series.</param>
internal sealed record RootCauseMover(long SeriesId, string Key, int LagToTarget, double Correlation, double Excursion, double Onset, double OnsetUncertainty, double GrangerF, double GrangerP, bool IsTarget)
{
    /// <summary>Steps after the first mover at which it moved (0 for the first mover).</summary>
    public int LeadSteps { get; init; }
}
