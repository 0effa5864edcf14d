using System.Globalization;
using AnomalyHunter.Udfs.Options;

namespace AnomalyHunter.Udfs.Detection.Ensemble;

/// <summary>Settings of the univariate ensemble detector; the defaults are the configuration measured on nab-open.</summary>
public sealed record EnsembleOptions
{
    /// <summary>Default trailing window of the robust local baseline, in points (one day of 5-minute data).</summary>
    public const int DefaultLocalWindow = 288;

    /// <summary>Default number of points between exact MAD recomputations.</summary>
    public const int DefaultScaleRefresh = 8;

    /// <summary>Default points of history before scoring starts.</summary>
    public const int DefaultMinHistory = 30;

    /// <summary>Default window of the level-shift pass (mean of standardised residuals), in points.</summary>
    public const int DefaultShiftWindow = 6;

    /// <summary>Default window of the variance pass (sum of squared standardised residuals), in points.</summary>
    public const int DefaultVarianceWindow = 12;

    /// <summary>Default clip of a standardised residual before it enters the shift and variance passes.</summary>
    public const double DefaultResidualClip = 30.0;

    /// <summary>Default base level of the tail calibration, in decades of nominal improbability (p = 0.01).</summary>
    public const double DefaultTailBase = 2.0;

    /// <summary>Default half-life of the tail calibration, in points.</summary>
    public const double DefaultCalibrationHalfLife = 10_000.0;

    /// <summary>Default weight of the nominal prior of the tail calibration, in pseudo-observations.</summary>
    public const double DefaultCalibrationPrior = 200.0;

    /// <summary>Default clip of one observation's excess in the tail fit, in units of the current mean excess.</summary>
    public const double DefaultExcessClip = 10.0;

    /// <summary>Default half-life of the alert memory, in points.</summary>
    public const double DefaultHoldOffHalfLife = 300.0;

    /// <summary>Default seasonal bins per UTC day (5-minute bins).</summary>
    public const int DefaultSeasonBins = 288;

    /// <summary>Trailing window of the robust local baseline (median and MAD), in points; 8 to 100000.</summary>
    public int LocalWindow { get; init; } = DefaultLocalWindow;

    /// <summary>Points between exact MAD recomputations (the median is exact at every point); 1 to 1000.</summary>
    public int ScaleRefresh { get; init; } = DefaultScaleRefresh;

    /// <summary>Points of history before scoring starts; 3 to <see cref="LocalWindow"/>.</summary>
    public int MinHistory { get; init; } = DefaultMinHistory;

    /// <summary>Window of the level-shift pass, in points; 2 to 1000.</summary>
    public int ShiftWindow { get; init; } = DefaultShiftWindow;

    /// <summary>Window of the variance pass, in points; 2 to 1000.</summary>
    public int VarianceWindow { get; init; } = DefaultVarianceWindow;

    /// <summary>Clip of a standardised residual before the shift and variance passes; 1 to 1000.</summary>
    public double ResidualClip { get; init; } = DefaultResidualClip;

    /// <summary>Base level u0 of the exponential tail fit, in decades; 0.5 to 6.</summary>
    public double TailBase { get; init; } = DefaultTailBase;

    /// <summary>Half-life of the tail calibration, in points; 10 to 10^7.</summary>
    public double CalibrationHalfLife { get; init; } = DefaultCalibrationHalfLife;

    /// <summary>Pseudo-observations of the nominal prior in the tail calibration; 1 to 10^6.</summary>
    public double CalibrationPrior { get; init; } = DefaultCalibrationPrior;

    /// <summary>Clip of one observation's excess in the tail fit, in mean excesses; 1 to infinity (no clip).</summary>
    public double ExcessClip { get; init; } = DefaultExcessClip;

    /// <summary>Half-life of the alert memory that suppresses repeated alerts, in points; 1 to 10^7.</summary>
    public double HoldOffHalfLife { get; init; } = DefaultHoldOffHalfLife;

    /// <summary>The alert memory decays only at points scoring below this level; 0 to 100 (100: at every point).</summary>
    public double QuietLevel { get; init; } = ScoreScale.Max;

    /// <summary>Whether the point pass (single-point outliers) runs.</summary>
    public bool UsePoint { get; init; } = true;

    /// <summary>Whether the level-shift pass runs.</summary>
    public bool UseShift { get; init; } = true;

    /// <summary>Whether the variance pass runs.</summary>
    public bool UseVariance { get; init; } = true;

    /// <summary>Whether the seasonal (time-of-day Holt–Winters) baseline may replace the local one where it predicts better.</summary>
    public bool UseSeasonal { get; init; }

    /// <summary>Seasonal bins per UTC day; 1 to 1440, a divisor of 86400000 ms.</summary>
    public int SeasonBins { get; init; } = DefaultSeasonBins;

    /// <summary>Level smoothing α of the seasonal baseline; 0 (exclusive) to 1.</summary>
    public double LevelSmoothing { get; init; } = 0.05;

    /// <summary>Seasonal smoothing γ of the seasonal baseline, per visit of a bin; 0 (exclusive) to 1.</summary>
    public double SeasonSmoothing { get; init; } = 0.25;

    /// <summary>Smoothing of the seasonal baseline's residual scale; 0 (exclusive) to 1.</summary>
    public double ScaleSmoothing { get; init; } = 0.02;

    /// <summary>Huber clip of seasonal residuals, in scales; 1 to 100.</summary>
    public double HuberK { get; init; } = 3.0;

    /// <summary>Floor of the seasonal scale as a fraction of the local scale; 0 to 1.</summary>
    public double ScaleFloor { get; init; } = 0.05;

    /// <summary>The seasonal baseline replaces the local one when its scale times this factor is smaller; 1 to 100.</summary>
    public double SeasonalAdvantage { get; init; } = 1.0;

    /// <summary>Visits of a bin before its seasonal estimate is used; 2 to 1000.</summary>
    public int SeasonMinVisits { get; init; } = 2;

    /// <summary>Throws <see cref="OptionsValidationException"/> naming the first setting outside its allowed range.</summary>
    public void Validate()
    {
        Check(LocalWindow is >= 8 and <= 100_000, nameof(LocalWindow), LocalWindow, "8..100000 points");
        Check(ScaleRefresh is >= 1 and <= 1000, nameof(ScaleRefresh), ScaleRefresh, "1..1000 points");
        Check(MinHistory >= 3 && MinHistory <= LocalWindow, nameof(MinHistory), MinHistory, "3..LocalWindow points");
        Check(ShiftWindow is >= 2 and <= 1000, nameof(ShiftWindow), ShiftWindow, "2..1000 points");
        Check(VarianceWindow is >= 2 and <= 1000, nameof(VarianceWindow), VarianceWindow, "2..1000 points");
        Check(ResidualClip is >= 1.0 and <= 1000.0, nameof(ResidualClip), ResidualClip, "1..1000");
        Check(TailBase is >= 0.5 and <= 6.0, nameof(TailBase), TailBase, "0.5..6 decades");
        Check(CalibrationHalfLife is >= 10.0 and <= 1e7, nameof(CalibrationHalfLife), CalibrationHalfLife, "10..10^7 points");
        Check(CalibrationPrior is >= 1.0 and <= 1e6, nameof(CalibrationPrior), CalibrationPrior, "1..10^6");
        Check(ExcessClip >= 1.0, nameof(ExcessClip), ExcessClip, "1..infinity");
        Check(HoldOffHalfLife is >= 1.0 and <= 1e7, nameof(HoldOffHalfLife), HoldOffHalfLife, "1..10^7 points");
        Check(QuietLevel is >= 0.0 and <= ScoreScale.Max, nameof(QuietLevel), QuietLevel, "0..100");
        Check(SeasonBins is >= 1 and <= 1440 && 86_400_000 % SeasonBins == 0, nameof(SeasonBins), SeasonBins, "1..1440 and a divisor of 86400000");
        Check(LevelSmoothing is > 0.0 and <= 1.0, nameof(LevelSmoothing), LevelSmoothing, "(0, 1]");
        Check(SeasonSmoothing is > 0.0 and <= 1.0, nameof(SeasonSmoothing), SeasonSmoothing, "(0, 1]");
        Check(ScaleSmoothing is > 0.0 and <= 1.0, nameof(ScaleSmoothing), ScaleSmoothing, "(0, 1]");
        Check(HuberK is >= 1.0 and <= 100.0, nameof(HuberK), HuberK, "1..100");
        Check(ScaleFloor is >= 0.0 and <= 1.0, nameof(ScaleFloor), ScaleFloor, "0..1");
        Check(SeasonalAdvantage is >= 1.0 and <= 100.0, nameof(SeasonalAdvantage), SeasonalAdvantage, "1..100");
        Check(SeasonMinVisits is >= 2 and <= 1000, nameof(SeasonMinVisits), SeasonMinVisits, "2..1000");
        Check(UsePoint || UseShift || UseVariance, nameof(UsePoint), UsePoint, "at least one of UsePoint, UseShift, UseVariance true");
    }

    private static void Check(bool ok, string name, object value, string range)
    {
        if (!ok)
        {
            throw new OptionsValidationException("Detect:Ensemble:" + name, string.Create(CultureInfo.InvariantCulture, $"{value} is outside the allowed range {range}."));
        }
    }
}
