namespace AnomalyHunter.Synthetic.Planning;

/// <summary>Magnitude and duration distributions of the injected anomalies (documented in datasets/README.md).</summary>
internal static class AnomalyShapes
{
    /// <summary>Spike and dip peak size, in noise standard deviations (uniform).</summary>
    public const double SpikeSigmasMin = 6.0;
    public const double SpikeSigmasMax = 10.0;

    /// <summary>Extra sigmas for spikes on heavy-tailed metrics, whose natural bursts reach about 6.</summary>
    public const double HeavyTailExtraSigmas = 2.0;

    /// <summary>Spike and dip length in steps (uniform), with the deviation halving each step.</summary>
    public const int SpikeStepsMin = 1;
    public const int SpikeStepsMax = 3;
    public const double SpikeDecay = 0.5;

    /// <summary>Level shift size in noise standard deviations.</summary>
    public const double ShiftSigmasMin = 3.0;
    public const double ShiftSigmasMax = 6.0;

    /// <summary>Trend change: drift reached at the end of the ramp, in noise standard deviations, and ramp length in days.</summary>
    public const double TrendSigmasMin = 4.0;
    public const double TrendSigmasMax = 8.0;
    public const double TrendDaysMin = 1.0;
    public const double TrendDaysMax = 3.0;

    /// <summary>Variance change factor and duration in hours.</summary>
    public const double VarianceFactorMin = 2.5;
    public const double VarianceFactorMax = 4.0;
    public const double VarianceHoursMin = 2.0;
    public const double VarianceHoursMax = 12.0;

    /// <summary>Seasonality break length in days, shift range in hours, and least visible size in noise standard deviations.</summary>
    public const double SeasonDaysMin = 1.0;
    public const double SeasonDaysMax = 2.0;
    public const double SeasonShiftHoursMin = 4.0;
    public const double SeasonShiftHoursMax = 12.0;
    public const double SeasonMinSigmas = 4.0;

    /// <summary>Missing data: short gaps in steps, long gaps in hours, and the chance that a whole host goes silent.</summary>
    public const int GapShortStepsMin = 3;
    public const int GapShortStepsMax = 12;
    public const double GapLongHoursMin = 1.0;
    public const double GapLongHoursMax = 6.0;
    public const double GapHostProbability = 0.5;

    /// <summary>Correlated incident: plateau length and ramp in steps, origin and follower sizes in noise standard deviations.</summary>
    public const int IncidentPlateauMin = 6;
    public const int IncidentPlateauMax = 24;
    public const int IncidentRampSteps = 2;
    public const double IncidentOriginSigmasMin = 3.5;
    public const double IncidentOriginSigmasMax = 5.0;
    public const double IncidentFollowerSigmasMin = 1.5;
    public const double IncidentFollowerSigmasMax = 2.5;

    /// <summary>Room kept between an anomalous mean and a physical bound, in noise standard deviations.</summary>
    public const double BoundMarginSigmas = 2.0;

    /// <summary>Placement attempts per anomaly before the count is declared impossible.</summary>
    public const int MaxAttempts = 4000;
}
