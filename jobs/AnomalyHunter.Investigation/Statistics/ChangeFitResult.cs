namespace AnomalyHunter.Investigation.Statistics;

/// <summary>The best step and the best ramp found by <see cref="ChangeFit"/>.</summary>
/// <param name="StepMs">First point of the new level (step model).</param>
/// <param name="StepSse">Residual sum of squares of the step model.</param>
/// <param name="RampStartMs">Start of the ramp.</param>
/// <param name="RampEndMs">End of the ramp.</param>
/// <param name="RampSse">Residual sum of squares of the ramp model.</param>
/// <param name="LevelBefore">Mean before the step.</param>
/// <param name="LevelAfter">Mean from the step on.</param>
/// <param name="Points">Points fitted.</param>
internal sealed record ChangeFitResult(long StepMs, double StepSse, long RampStartMs, long RampEndMs, double RampSse, double LevelBefore, double LevelAfter, int Points)
{
    public static ChangeFitResult None { get; } = new(0, double.MaxValue, 0, 0, double.MaxValue, double.NaN, double.NaN, 0);
}
