namespace AnomalyHunter.Investigation.Agents;

/// <summary>Result of <see cref="LagScan"/>.</summary>
/// <param name="Lag">Best placement of the window, in steps from the candidate's start.</param>
/// <param name="T">t statistic of the shift at that placement.</param>
/// <param name="Onset">Onset from the edge detector, in steps from the candidate's start.</param>
/// <param name="OnsetUncertainty">Uncertainty of the onset, in steps.</param>
/// <param name="EarlyFalloff">
/// How far the fit falls off toward the early end of the lag range: t² at the best placement minus the smallest t² (same sign)
/// at any earlier placement. Near 0 when the best placement is at the early end or the fit stays as good there, i.e. when the
/// data cannot say when the shift began.
/// </param>
internal sealed record LagScanResult(int Lag, double T, double Onset, double OnsetUncertainty, double EarlyFalloff = 0)
{
    /// <summary>Rise at the best placement, in sigmas, in the direction of the shift: the window's mean level minus the mean of the 12 points before it (an hour at 5-minute steps).</summary>
    public double Rise { get; init; }

    /// <summary>Fall at the best placement, in sigmas, in the direction of the shift: the window's mean level minus the mean of the 8 points after it.</summary>
    public double Fall { get; init; }

    /// <summary>
    /// Size of a change bracketed by both flanks, in sigmas: the mean of <see cref="Rise"/> and <see cref="Fall"/> when both are
    /// positive, else 0 (a shift that did not come back, or that was already there before the window, is not bracketed).
    /// </summary>
    public double BracketSigmas => Rise > 0 && Fall > 0 ? (Rise + Fall) / 2 : 0;

    /// <summary>Robust spread, in sigmas, of the same bracket at placements over the two days before the scan (NaN when the history is too short).</summary>
    public double BracketNoise { get; init; } = double.NaN;

    /// <summary><see cref="BracketSigmas"/> against <see cref="BracketNoise"/>: how unusual the bracketed change is for this series (0 without a history).</summary>
    public double BracketZ => BracketNoise > 0 ? BracketSigmas / BracketNoise : 0;
}
