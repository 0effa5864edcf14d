namespace AnomalyHunter.Investigation.Agents;

/// <summary>Result of <see cref="LagScan"/>.</summary>
/// <param name="Lag">Best placement of the window, in steps from the candidate's start.</param>
/// <param name="T">t statistic of the shift at that placement.</param>
/// <param name="ContrastSigmas">Shift, in sigmas (signed).</param>
/// <param name="Onset">Onset from the edge detector, in steps from the candidate's start.</param>
/// <param name="OnsetUncertainty">Uncertainty of the onset, in steps.</param>
/// <param name="EarlyFalloff">
/// How far the fit falls off toward the early end of the lag range: t² at the best placement minus the smallest t² (same sign)
/// at any earlier placement. Near 0 when the best placement is at the early end or the fit stays as good there, i.e. when the
/// data cannot say when the shift began.
/// </param>
internal sealed record LagScanResult(int Lag, double T, double ContrastSigmas, double Onset, double OnsetUncertainty, double EarlyFalloff = 0);
