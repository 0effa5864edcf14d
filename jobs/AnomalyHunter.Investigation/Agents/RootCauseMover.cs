namespace AnomalyHunter.Investigation.Agents;

/// <summary>A series that moved with the candidate.</summary>
/// <param name="SeriesId">Series id.</param>
/// <param name="Key">Canonical key.</param>
/// <param name="LagToTarget">Lag (steps) of its best correlation with the candidate.</param>
/// <param name="Correlation">That correlation.</param>
/// <param name="Excursion">Largest smoothed deviation around the window, in sigmas.</param>
/// <param name="LeadSteps">Steps after the first mover at which it moved (0 for the first mover).</param>
/// <param name="GrangerF">F statistic of "its past predicts the candidate".</param>
/// <param name="GrangerP">p-value of that test.</param>
/// <param name="IsTarget">Whether it is the candidate's own series.</param>
internal sealed record RootCauseMover(long SeriesId, string Key, int LagToTarget, double Correlation, double Excursion, int LeadSteps, double GrangerF, double GrangerP, bool IsTarget);
