namespace AnomalyHunter.Investigation.Agents;

/// <summary>Result of <see cref="LagScan"/>.</summary>
/// <param name="Lag">Best placement of the window, in steps from the candidate's start.</param>
/// <param name="T">t statistic of the shift at that placement.</param>
/// <param name="ContrastSigmas">Shift, in sigmas (signed).</param>
/// <param name="Onset">Onset from the edge detector, in steps from the candidate's start.</param>
/// <param name="OnsetUncertainty">Uncertainty of the onset, in steps.</param>
internal sealed record LagScanResult(int Lag, double T, double ContrastSigmas, double Onset, double OnsetUncertainty);
