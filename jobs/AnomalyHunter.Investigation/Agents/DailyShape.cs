namespace AnomalyHunter.Investigation.Agents;

/// <summary>The best fit of residuals to the usual daily shape (see <see cref="DailyShapeFit"/>).</summary>
/// <param name="R2">Share of the residuals' variation the fit explains.</param>
/// <param name="Sigmas">Root-mean-square size of the fitted part, in sigmas.</param>
/// <param name="ShiftHours">Hours by which the daily pattern moved (positive: late); 0 when flattened, inverted or amplified.</param>
/// <param name="Coefficient">Fitted multiple of the shape (−1 flattened, −2 inverted) or of its move (1 for a clean move).</param>
internal sealed record DailyShape(double R2, double Sigmas, double ShiftHours, double Coefficient)
{
    /// <summary>No fit: nothing explained.</summary>
    public static DailyShape None { get; } = new(0, 0, 0, 0);
}
