namespace AnomalyHunter.Investigation.Agents;

/// <summary>One series' seasonally adjusted deviations (in sigmas, lightly smoothed) on the candidate's time grid.</summary>
/// <param name="SeriesId">Series id.</param>
/// <param name="Key">Canonical key.</param>
/// <param name="Z">Deviation per grid step (NaN where the series has no point).</param>
/// <param name="Excursion">Largest absolute smoothed deviation around the window.</param>
/// <param name="IsTarget">Whether this is the candidate's own series.</param>
internal sealed record PeerSignal(long SeriesId, string Key, double[] Z, double Excursion, bool IsTarget);
