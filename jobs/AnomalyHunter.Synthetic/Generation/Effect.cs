namespace AnomalyHunter.Synthetic.Generation;

/// <summary>One change applied to one series over the steps <see cref="Start"/>..<see cref="End"/> (inclusive).</summary>
/// <param name="Kind">What the effect does.</param>
/// <param name="Start">First affected step.</param>
/// <param name="End">Last affected step (the last step of the data for persistent effects).</param>
/// <param name="Amplitude">Added value (shaped, step), slope per step (ramp) or noise factor.</param>
/// <param name="Shape">Multipliers per step from the start, for shaped effects.</param>
/// <param name="RampSteps">Length of the ramp of a trend change.</param>
/// <param name="Mode">Mode of a seasonality break.</param>
/// <param name="ShiftSteps">Shift of the daily pattern, for <see cref="SeasonMode.Shift"/>.</param>
internal sealed record Effect(
    EffectKind Kind,
    int Start,
    int End,
    double Amplitude,
    double[]? Shape = null,
    int RampSteps = 0,
    SeasonMode Mode = SeasonMode.Flatten,
    int ShiftSteps = 0)
{
    /// <summary>True for effects that add to the mean (all but noise scaling and gaps).</summary>
    public bool IsAdditive => Kind is EffectKind.Shaped or EffectKind.Step or EffectKind.Ramp or EffectKind.Season;

    /// <summary>The value added to the mean of <paramref name="model"/> at <paramref name="step"/> (0 outside the effect).</summary>
    public double AdditiveAt(SeriesModel model, int step)
    {
        if (step < Start || step > End)
        {
            return 0.0;
        }

        int offset = step - Start;
        return Kind switch
        {
            EffectKind.Shaped => Amplitude * Shape![offset],
            EffectKind.Step => Amplitude,
            EffectKind.Ramp => Amplitude * Math.Min(offset + 1, RampSteps),
            EffectKind.Season => SeasonDelta(model, step),
            _ => 0.0,
        };
    }

    private double SeasonDelta(SeriesModel model, int step)
    {
        double[] daily = model.Tables.Daily;
        int index = model.DayIndex(step);
        double normal = daily[index];
        double replaced = Mode switch
        {
            SeasonMode.Flatten => 0.0,
            SeasonMode.Invert => -normal,
            _ => daily[(index + ShiftSteps) % daily.Length],
        };
        return model.Level * model.DailyAmplitude * (replaced - normal);
    }
}
