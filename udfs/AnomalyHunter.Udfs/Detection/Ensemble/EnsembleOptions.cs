using AnomalyHunter.Udfs.Options;

namespace AnomalyHunter.Udfs.Detection.Ensemble;

/// <summary>Settings of the univariate ensemble detector.</summary>
public sealed record EnsembleOptions
{
    public int LocalWindow { get; init; } = 288;
    public int MinHistory { get; init; } = 30;
    public int ShiftWindow { get; init; } = 6;
    public double ZClip { get; init; } = 10.0;
    public double TailBase { get; init; } = 2.0;
    public double CalibrationHalfLife { get; init; } = 2000.0;
    public double CalibrationPrior { get; init; } = 200.0;
    public double HoldOffHalfLife { get; init; } = 100.0;
    public int SuppressionMode { get; init; } = 1;
    public bool UseLocal { get; init; } = true;
    public bool UseShift { get; init; } = true;

    /// <summary>Throws when a setting is outside its allowed range.</summary>
    public void Validate()
    {
        if (LocalWindow is < 8 or > 100_000)
        {
            throw new OptionsValidationException("Detect:Ensemble:LocalWindow", $"{LocalWindow} is outside the allowed range 8..100000 points.");
        }
    }
}
