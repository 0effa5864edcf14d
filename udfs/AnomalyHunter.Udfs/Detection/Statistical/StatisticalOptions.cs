using System.Globalization;
using AnomalyHunter.Udfs.Options;

namespace AnomalyHunter.Udfs.Detection.Statistical;

/// <summary>Settings of the statistical detector; the defaults are the one configuration measured on nab-open and the demo set.</summary>
public sealed record StatisticalOptions
{
    /// <summary>Default trailing window of the robust local baseline, in points (one day of 5-minute data).</summary>
    public const int DefaultLocalWindow = 288;

    /// <summary>Default number of points between exact MAD recomputations.</summary>
    public const int DefaultScaleRefresh = 8;

    /// <summary>Default points of history before scoring starts.</summary>
    public const int DefaultMinHistory = 30;

    /// <summary>Default window of the level-shift feature, in points.</summary>
    public const int DefaultShiftWindow = 6;

    /// <summary>Default window of the spread feature, in points.</summary>
    public const int DefaultSpreadWindow = 12;

    /// <summary>Default window of the long shift and spread features, in points (eight hours of 5-minute data).</summary>
    public const int DefaultLongWindow = 96;

    /// <summary>Default clip of a standardised residual before it enters the shift and spread features.</summary>
    public const double DefaultResidualClip = 30.0;

    /// <summary>Default time-of-day bins of the seasonal profile (5-minute bins).</summary>
    public const int DefaultSeasonBins = 288;

    /// <summary>Default number of previous days the seasonal profile compares with.</summary>
    public const int DefaultSeasonDays = 3;

    /// <summary>Default window of the seasonal residual scale, in points.</summary>
    public const int DefaultSeasonScaleWindow = 288;

    /// <summary>Default number of top values kept per generation of a tail sketch.</summary>
    public const int DefaultTailCapacity = 32;

    /// <summary>Default share of the history used to fit the tail.</summary>
    public const double DefaultTailFraction = 0.02;

    /// <summary>Default smallest number of top values the tail is fitted to.</summary>
    public const int DefaultMinTail = 5;

    /// <summary>Default length of one generation of a tail sketch, in points.</summary>
    public const int DefaultTailGeneration = 8192;

    /// <summary>Default margin by which a deviation must exceed the incident in progress to alert again (a third of a decade).</summary>
    public const double DefaultAlertMargin = 3.0;

    /// <summary>Default floor of the tail slope as a share of the spread of the kept top values.</summary>
    /// <remarks>Measured on synthetic data of seeds 42, 7, 1234, 11 and 99 (pooled, with burst tails): 0.25 → 0.5 gave 427 → 413 windows with the same 135 labels found, but the demo's memory leak (a slow rise beyond every value seen) was no longer detected.</remarks>
    public const double DefaultMinSlopeShare = 0.25;

    /// <summary>Default decades beyond the rank bound given to a value above a history whose top values are all equal.</summary>
    /// <remarks>
    /// A feature of a count series (a median of discrete residuals) often has a history whose top values are all equal;
    /// one step beyond them is rare, not impossible. Measured as for <see cref="DefaultMinSlopeShare"/>: infinity → 3
    /// gave 427 → 423 windows with the same 135 labels found (with a slope floor of 0.5: 413 → 408; 1 decade: 397 but a label lost).
    /// </remarks>
    public const double DefaultTiedTailDecades = 3.0;

    /// <summary>Default growth of a feature's history per point beyond its largest value, in spreads of its top values.</summary>
    /// <remarks>
    /// A glitch far beyond everything seen (a sentinel such as 1e6 on a series near 100) would otherwise stay in the
    /// history as its largest value, and every later deviation short of it would rank as common for as long as the
    /// history keeps it. A value is remembered no further than this many spreads (largest − tail threshold) above the
    /// largest value, so the history still grows to a lasting new range within a few points. Measured on synthetic data
    /// (seeds 42, 7, 1234, 11, 99 pooled): infinity → 3 gave 403 → 409 windows with the same 137 labels found (1: 415).
    /// </remarks>
    public const double DefaultTailGrowth = 3.0;

    /// <summary>Default number of scored points below which the point feature leans on the normal tail.</summary>
    public const int DefaultShortHistory = 400;

    /// <summary>Default Huber clip of seasonal residuals, in scales.</summary>
    public const double DefaultHuberK = 3.0;

    /// <summary>Default floor of the seasonal scale as a share of the local scale.</summary>
    public const double DefaultSeasonScaleFloor = 0.05;

    /// <summary>Default deviation score below which a point is quiet (one decade: a tail probability above 0.1).</summary>
    public const double DefaultQuietLevel = 10.0;

    /// <summary>Default number of consecutive quiet points that end an incident.</summary>
    public const int DefaultQuietRun = 12;

    /// <summary>Default half-life of the remembered incident level, in points.</summary>
    public const double DefaultIncidentHalfLife = 144.0;

    /// <summary>Default number of values a feature's history must hold before its tail is fitted.</summary>
    public const int DefaultMinTailHistory = 100;

    /// <summary>Default hold-off of the alert gate, in points.</summary>
    public const int DefaultHoldOff = 288;

    /// <summary>Default CUSUM allowance of the sustained-change feature, in long-run standard deviations (tuned to shifts of twice this).</summary>
    public const double DefaultSustainedAllowance = 1.0;

    /// <summary>Default width, in minutes, of the time-of-week bins the sustained-change feature expects a weekly pattern in.</summary>
    public const int DefaultSustainedBinMinutes = 30;

    /// <summary>Default number of previous weeks the sustained-change feature looks back on for a bin's expected residual.</summary>
    public const int DefaultSustainedWeeks = 2;

    /// <summary>Default CUSUM allowance of the drift feature, in long-run standard deviations (tuned to shifts of twice this).</summary>
    public const double DefaultDriftAllowance = 0.5;

    /// <summary>Default window of the drift feature's running mean of clipped residuals, in points (a week of 5-minute data).</summary>
    public const int DefaultDriftMeanWindow = 2016;

    /// <summary>Trailing window of the robust local baseline, in points; 8 to 100000.</summary>
    public int LocalWindow { get; init; } = DefaultLocalWindow;

    /// <summary>Points between exact MAD recomputations (the median is exact at every point); 1 to 1000.</summary>
    public int ScaleRefresh { get; init; } = DefaultScaleRefresh;

    /// <summary>Points of history before scoring starts; 3 to <see cref="LocalWindow"/>.</summary>
    public int MinHistory { get; init; } = DefaultMinHistory;

    /// <summary>Window of the level-shift feature, in points; 2 to 1000.</summary>
    public int ShiftWindow { get; init; } = DefaultShiftWindow;

    /// <summary>Window of the spread feature, in points; 2 to 1000.</summary>
    public int SpreadWindow { get; init; } = DefaultSpreadWindow;

    /// <summary>Window of the long shift and spread features, in points; 2 to 1000.</summary>
    public int LongWindow { get; init; } = DefaultLongWindow;

    /// <summary>Clip of a standardised residual before the shift and spread features; 1 to 1000.</summary>
    public double ResidualClip { get; init; } = DefaultResidualClip;

    /// <summary>Time-of-day bins of the seasonal profile; 1 to 1440, a divisor of 86400000.</summary>
    public int SeasonBins { get; init; } = DefaultSeasonBins;

    /// <summary>Previous days the seasonal profile compares with (median of their values); 1 to 14.</summary>
    public int SeasonDays { get; init; } = DefaultSeasonDays;

    /// <summary>Previous days that must have a value before the seasonal features compare (3: a true median, so one anomalous day cannot set the expectation); 1 to <see cref="SeasonDays"/>.</summary>
    public int SeasonMinDays { get; init; } = 1;

    /// <summary>Window of the exponentially weighted seasonal residual scale, in points; 2 to 100000.</summary>
    public int SeasonScaleWindow { get; init; } = DefaultSeasonScaleWindow;

    /// <summary>Huber clip of a seasonal residual before it updates the seasonal scale, in scales; 1 to 100.</summary>
    public double HuberK { get; init; } = DefaultHuberK;

    /// <summary>Floor of the seasonal scale as a share of the local scale; 0 to 1.</summary>
    public double SeasonScaleFloor { get; init; } = DefaultSeasonScaleFloor;

    /// <summary>Top values kept per generation of a tail sketch; 8 to 4096.</summary>
    public int TailCapacity { get; init; } = DefaultTailCapacity;

    /// <summary>Share of the history the tail is fitted to (capped by <see cref="TailCapacity"/>); 0 to 0.5.</summary>
    public double TailFraction { get; init; } = DefaultTailFraction;

    /// <summary>Smallest number of top values the tail is fitted to; 2 to <see cref="TailCapacity"/> − 1.</summary>
    public int MinTail { get; init; } = DefaultMinTail;

    /// <summary>Values per generation of a tail sketch (the history covers one to two generations); 64 to 10^9.</summary>
    public int TailGeneration { get; init; } = DefaultTailGeneration;

    /// <summary>Hold-off of the alert gate, in points; 1 to 100000.</summary>
    public int HoldOff { get; init; } = DefaultHoldOff;

    /// <summary>Consecutive quiet points after which an incident is over; 1 to 100000.</summary>
    public int QuietRun { get; init; } = DefaultQuietRun;

    /// <summary>A deviation score below this level is quiet; 0 to 100.</summary>
    public double QuietLevel { get; init; } = DefaultQuietLevel;


    /// <summary>Margin, in score points, by which a deviation must exceed the incident in progress to alert; 0 to 100.</summary>
    public double AlertMargin { get; init; } = DefaultAlertMargin;

    /// <summary>Whether the point feature (single-point outliers against the local baseline) runs.</summary>
    public bool UsePoint { get; init; } = true;

    /// <summary>Whether the level-shift feature runs.</summary>
    public bool UseShift { get; init; } = true;

    /// <summary>Whether the spread feature (median |z| of the last few points) runs.</summary>
    public bool UseSpread { get; init; } = true;

    /// <summary>Whether the seasonal point feature (against the same time on previous days) runs.</summary>
    public bool UseSeasonal { get; init; } = true;

    /// <summary>Whether the seasonal level-shift feature runs.</summary>
    public bool UseSeasonalShift { get; init; } = true;

    /// <summary>Whether the long shift and spread features run.</summary>
    public bool UseLong { get; init; } = true;

    /// <summary>Whether the sustained-change feature (a CUSUM on seasonal residuals net of the weekly pattern, see <see cref="SustainedChange"/>) runs.</summary>
    /// <remarks>Measured on synthetic data of seeds 42, 7 and 1234: recall 0.64, 0.59 and 0.61 → 0.66, 0.61 and 0.64, precision 0.39, 0.45 and 0.43 → 0.44, 0.45 and 0.47.</remarks>
    public bool UseSustained { get; init; } = true;

    /// <summary>CUSUM allowance of the sustained-change feature, in long-run standard deviations; 0.1 to 10.</summary>
    public double SustainedAllowance { get; init; } = DefaultSustainedAllowance;

    /// <summary>Width of the sustained-change feature's time-of-week bins, in minutes; 1 to 1440 and a divisor of 10080.</summary>
    public int SustainedBinMinutes { get; init; } = DefaultSustainedBinMinutes;

    /// <summary>Previous weeks the sustained-change feature looks back on; 1 to 8.</summary>
    public int SustainedWeeks { get; init; } = DefaultSustainedWeeks;

    /// <summary>Whether the drift feature runs: the sustained-change residuals into a second pair of CUSUMs with the smaller <see cref="DriftAllowance"/>, for slow trends and changed daily shapes (needs <see cref="UseSustained"/>).</summary>
    /// <remarks>Measured on synthetic data of seeds 42, 7 and 1234 (allowance 0.5, residuals net of a week's mean): recall 0.70, 0.61 and 0.64 → 0.73, 0.66 and 0.70 (seasonality breaks 2, 2, 0 → 3, 3, 2 of 4), precision 0.53, 0.50 and 0.49 → 0.51, 0.47 and 0.51 (the new false windows are the statistical pass alone, above the threshold with another pass at p = 0.01 within the hour), so it is off. Allowance 0.7: precision 0.50, 0.44, 0.46. Cost: about 40 CPU ns per point (+7%).</remarks>
    public bool UseDrift { get; init; }

    /// <summary>CUSUM allowance of the drift feature, in long-run standard deviations; 0.1 to <see cref="SustainedAllowance"/>.</summary>
    public double DriftAllowance { get; init; } = DefaultDriftAllowance;

    /// <summary>Whether the drift feature's evidence is also ranked against the series' own history of it, and the weaker of the closed-form and ranked tails counts.</summary>
    /// <remarks>Measured on synthetic data of seeds 42, 7 and 1234 with <see cref="UseDrift"/>: recall 0.70, 0.64 and 0.70, precision 0.51, 0.49 and 0.52 (off: recall 0.73, 0.66 and 0.70, precision 0.51, 0.47 and 0.51); allowance 0.35: recall 0.73, 0.64 and 0.73, precision 0.49, 0.46 and 0.49.</remarks>
    public bool DriftRanked { get; init; }

    /// <summary>Window of the running mean the drift feature's residuals are taken net of, in points; 0 (none) to 100000.</summary>
    public int DriftMeanWindow { get; init; } = DefaultDriftMeanWindow;

    /// <summary>Whether the level features (the value itself ranked against all earlier values, high and low) run.</summary>
    public bool UseLevel { get; init; } = true;


    /// <summary>Values a feature's history must hold before its tail is fitted; 2 to 10^6.</summary>
    public int MinTailHistory { get; init; } = DefaultMinTailHistory;

    /// <summary>Whether a value within the observed range is scored by its exact rank (and only values beyond the largest by the fitted exponential tail).</summary>
    public bool EmpiricalRank { get; init; } = true;

    /// <summary>Floor of the tail slope as a share of the spread of the kept top values; 0 to 1.</summary>
    public double MinSlopeShare { get; init; } = DefaultMinSlopeShare;

    /// <summary>Scored points below which the point feature leans on the normal tail of z (with weight 1 − scored/this); 0 (off) to 10^6.</summary>
    public int ShortHistory { get; init; } = DefaultShortHistory;

    /// <summary>Half-life, in points, of the remembered incident level while it is not raised; 0 (no decay) to 10^6.</summary>
    public double IncidentHalfLife { get; init; } = DefaultIncidentHalfLife;

    /// <summary>Decades beyond the rank bound 1/(N + 1) given to a value above a history whose top values are all equal (infinity: infinitely rare); 0 to infinity.</summary>
    public double TiedTailDecades { get; init; } = DefaultTiedTailDecades;

    /// <summary>How far beyond its largest value a feature's history remembers a new value, in spreads of its top values (infinity: as it is); 0 to infinity.</summary>
    public double TailGrowth { get; init; } = DefaultTailGrowth;

    /// <summary>Throws <see cref="OptionsValidationException"/> naming the first setting outside its allowed range.</summary>
    public void Validate()
    {
        Check(LocalWindow is >= 8 and <= 100_000, nameof(LocalWindow), LocalWindow, "8..100000 points");
        Check(ScaleRefresh is >= 1 and <= 1000, nameof(ScaleRefresh), ScaleRefresh, "1..1000 points");
        Check(MinHistory >= 3 && MinHistory <= LocalWindow, nameof(MinHistory), MinHistory, "3..LocalWindow points");
        Check(ShiftWindow is >= 2 and <= 1000, nameof(ShiftWindow), ShiftWindow, "2..1000 points");
        Check(SpreadWindow is >= 2 and <= 1000, nameof(SpreadWindow), SpreadWindow, "2..1000 points");
        Check(LongWindow is >= 2 and <= 1000, nameof(LongWindow), LongWindow, "2..1000 points");
        Check(ResidualClip is >= 1.0 and <= 1000.0, nameof(ResidualClip), ResidualClip, "1..1000");
        Check(SeasonBins is >= 1 and <= 1440 && 86_400_000 % SeasonBins == 0, nameof(SeasonBins), SeasonBins, "1..1440 and a divisor of 86400000");
        Check(SeasonDays is >= 1 and <= 14, nameof(SeasonDays), SeasonDays, "1..14 days");
        Check(SeasonMinDays >= 1 && SeasonMinDays <= SeasonDays, nameof(SeasonMinDays), SeasonMinDays, "1..SeasonDays");
        Check(SeasonScaleWindow is >= 2 and <= 100_000, nameof(SeasonScaleWindow), SeasonScaleWindow, "2..100000 points");
        Check(HuberK is >= 1.0 and <= 100.0, nameof(HuberK), HuberK, "1..100");
        Check(SeasonScaleFloor is >= 0.0 and <= 1.0, nameof(SeasonScaleFloor), SeasonScaleFloor, "0..1");
        Check(TailCapacity is >= 8 and <= 4096, nameof(TailCapacity), TailCapacity, "8..4096 values");
        Check(TailFraction is >= 0.0 and <= 0.5, nameof(TailFraction), TailFraction, "0..0.5");
        Check(MinTail >= 2 && MinTail < TailCapacity, nameof(MinTail), MinTail, "2..TailCapacity − 1");
        Check(TailGeneration is >= 64 and <= 1_000_000_000, nameof(TailGeneration), TailGeneration, "64..10^9 values");
        Check(HoldOff is >= 1 and <= 100_000, nameof(HoldOff), HoldOff, "1..100000 points");
        Check(QuietRun is >= 1 and <= 100_000, nameof(QuietRun), QuietRun, "1..100000 points");
        Check(QuietLevel is >= 0.0 and <= ScoreScale.Max, nameof(QuietLevel), QuietLevel, "0..100");
        Check(IncidentHalfLife is >= 0.0 and <= 1e6, nameof(IncidentHalfLife), IncidentHalfLife, "0..10^6 points");
        Check(ShortHistory is >= 0 and <= 1_000_000, nameof(ShortHistory), ShortHistory, "0..10^6 values");
        Check(TiedTailDecades >= 0.0, nameof(TiedTailDecades), TiedTailDecades, "0..infinity decades");
        Check(TailGrowth >= 0.0, nameof(TailGrowth), TailGrowth, "0..infinity spreads");
        Check(MinSlopeShare is >= 0.0 and <= 1.0, nameof(MinSlopeShare), MinSlopeShare, "0..1");
        Check(MinTailHistory is >= 2 and <= 1_000_000, nameof(MinTailHistory), MinTailHistory, "2..10^6 values");

        Check(SustainedAllowance is >= 0.1 and <= 10.0, nameof(SustainedAllowance), SustainedAllowance, "0.1..10");
        Check(SustainedBinMinutes is >= 1 and <= 1440 && 10_080 % SustainedBinMinutes == 0, nameof(SustainedBinMinutes), SustainedBinMinutes, "1..1440 and a divisor of 10080");
        Check(SustainedWeeks is >= 1 and <= 8, nameof(SustainedWeeks), SustainedWeeks, "1..8");
        Check(!UseDrift || UseSustained, nameof(UseDrift), UseDrift, "off unless UseSustained is on");
        Check(DriftAllowance >= 0.1 && DriftAllowance <= SustainedAllowance, nameof(DriftAllowance), DriftAllowance, "0.1..SustainedAllowance");
        Check(DriftMeanWindow is >= 0 and <= 100_000, nameof(DriftMeanWindow), DriftMeanWindow, "0..100000 points");
        Check(AlertMargin is >= 0.0 and <= ScoreScale.Max, nameof(AlertMargin), AlertMargin, "0..100");
        Check(UsePoint || UseShift || UseSpread || UseSeasonal || UseSeasonalShift || UseLevel || UseLong || UseSustained, nameof(UsePoint), UsePoint, "at least one feature on");
    }

    private static void Check(bool ok, string name, object value, string range)
    {
        if (!ok)
        {
            throw new OptionsValidationException("Detect:Statistical:" + name, string.Create(CultureInfo.InvariantCulture, $"{value} is outside the allowed range {range}."));
        }
    }
}
