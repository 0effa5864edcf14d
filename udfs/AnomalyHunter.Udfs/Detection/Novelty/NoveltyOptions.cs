using AnomalyHunter.Udfs.Options;

namespace AnomalyHunter.Udfs.Detection.Novelty;

/// <summary>Settings of the novelty detector (alert output) and of its deviation output; the defaults are the configuration measured on nab-open.</summary>
public sealed record NoveltyOptions
{
    /// <summary>Default number of quantisation levels over the running range.</summary>
    public const int DefaultLevels = 4;

    /// <summary>Default longest context, in points (the current one included).</summary>
    public const int DefaultMaxOrder = 6;

    /// <summary>Default points learned before scoring starts.</summary>
    public const int DefaultWarmup = 300;

    /// <summary>Default points after an alert during which further alerts are withheld.</summary>
    public const int DefaultRest = 150;

    /// <summary>Default novelty (share of unseen contexts) that raises an alert and starts a rest.</summary>
    public const double DefaultAlertNovelty = 0.75;

    /// <summary>Default number of complete blocks whose extremes form the remembered range.</summary>
    public const int DefaultRangeBlocks = 16;

    /// <summary>Default points per block of the remembered range (a day of 5-minute points).</summary>
    public const int DefaultRangeBlockPoints = 288;

    /// <summary>Default growth of the remembered range per point, in widths of the range (see <see cref="RangeGrowth"/>).</summary>
    /// <remarks>Measured on nab-open (standard / reward_low_FP / reward_low_FN): infinity 75.89 / 66.04 / 81.03; 1: 73.11 / 61.77 / 78.69; 4: 73.54 / 63.30 / 78.98; 10: 76.11 / 66.51 / 81.18; 30: 75.99 / 66.23 / 81.10.</remarks>
    public const double DefaultRangeGrowth = 10.0;

    /// <summary>Default number of points whose values a new value is compared with.</summary>
    public const int DefaultValueWindow = 3000;

    /// <summary>Default number of cells of the value grid.</summary>
    public const int DefaultValueCells = 192;

    /// <summary>Default number of cells searched on each side of a value's cell (with the default cells and headroom, a reach of 1/48 to 1/32 of the range).</summary>
    public const int DefaultValueReach = 2;

    /// <summary>Default headroom of the value grid beyond each end of the range, as a share of the range.</summary>
    public const double DefaultGridHeadroom = 0.5;

    /// <summary>Default share of the laid range below which the value grid is laid again.</summary>
    public const double DefaultGridRelayBelow = 0.5;

    /// <summary>Default half-life of the deviation baseline, in points.</summary>
    public const double DefaultDeviationHalfLife = 100.0;

    /// <summary>Default points averaged plainly before deviations are scored.</summary>
    public const int DefaultDeviationMinHistory = 30;

    /// <summary>Default standardised deviation beyond which a point stops updating the baseline's scale.</summary>
    public const double DefaultDeviationClip = 3.0;

    /// <summary>Default share of the normal rate at which a deviating point moves the location.</summary>
    public const double DefaultDeviationAbsorb = 0.25;

    /// <summary>Default number of points a deviation score is corrected for.</summary>
    public const double DefaultDeviationFamily = ScoreScale.DefaultDeviationFamily;

    /// <summary>Default weight of the count's tail in a deviation on a series of counts.</summary>
    public const double DefaultCountDeviation = 0.5;

    /// <summary>Default number of contexts remembered (a power of two).</summary>
    public const int DefaultMemory = 2_048;

    /// <summary>Complete blocks of points whose extremes form the remembered range; 1 to 4096.</summary>
    public int RangeBlocks { get; init; } = DefaultRangeBlocks;

    /// <summary>Points per block of the remembered range; 1 to 100000.</summary>
    public int RangeBlockPoints { get; init; } = DefaultRangeBlockPoints;

    /// <summary>Points whose values a new value is compared with; 1 to RangeBlocks × RangeBlockPoints.</summary>
    public int ValueWindow { get; init; } = DefaultValueWindow;

    /// <summary>Cells of the value grid; 8 to 65536.</summary>
    public int ValueCells { get; init; } = DefaultValueCells;

    /// <summary>Cells searched on each side of a value's cell for recent values; 0 to ValueCells.</summary>
    public int ValueReach { get; init; } = DefaultValueReach;

    /// <summary>Headroom of the value grid beyond each end of the remembered range, as a share of the range; 0.05 to 4.</summary>
    public double GridHeadroom { get; init; } = DefaultGridHeadroom;

    /// <summary>The value grid is laid again when the range shrinks below this share of the range it was laid for; 0.01 to 0.99.</summary>
    public double GridRelayBelow { get; init; } = DefaultGridRelayBelow;

    /// <summary>Half-life of the deviation baseline, in points; 2 to 1000000.</summary>
    public double DeviationHalfLife { get; init; } = DefaultDeviationHalfLife;

    /// <summary>Points averaged plainly before the deviation baseline becomes exponentially weighted and scores; 3 to 100000.</summary>
    public int DeviationMinHistory { get; init; } = DefaultDeviationMinHistory;

    /// <summary>Standardised deviation beyond which a point no longer updates the baseline's scale; 1 to 100.</summary>
    public double DeviationClip { get; init; } = DefaultDeviationClip;

    /// <summary>Share of the normal rate at which a deviating point moves the baseline's location; 0 to 1.</summary>
    public double DeviationAbsorb { get; init; } = DefaultDeviationAbsorb;

    /// <summary>Number of points a deviation score is corrected for (Bonferroni): the default threshold then marks deviations rarer than once per 100 × this many normal points; 1 to 1e9.</summary>
    public double DeviationFamily { get; init; } = DefaultDeviationFamily;

    /// <summary>Whether the deviation also needs the point to deviate from the same time of day on earlier days (so a daily peak is not a deviation).</summary>
    public bool SeasonalDeviation { get; init; } = true;

    /// <summary>Weight of the count's skewed tail against the normal one in a deviation above the baseline on a series of counts (values on a coarse lattice); 0 (normal tail only) to 1 (the count's tail where it is lighter).</summary>
    public double CountDeviation { get; init; } = DefaultCountDeviation;

    /// <summary>Whether, until the seasonal deviation's baseline has enough points of its own, the residual from the same time on earlier days is judged with the level baseline's spread (√2 wider), so the first repeat of a daily pattern is not a deviation.</summary>
    public bool BorrowSeasonalSpread { get; init; } = true;

    /// <summary>Whether a deviation is judged against the series' own burst tail on its side of the baseline (<see cref="BurstTail"/>) where that tail is heavier than the normal one.</summary>
    public bool BurstTail { get; init; } = true;

    /// <summary>Time-of-day bins of the seasonal deviation's profile; 1 to 86400.</summary>
    public int SeasonBins { get; init; } = Statistical.StatisticalOptions.DefaultSeasonBins;

    /// <summary>Earlier days the seasonal deviation compares with (their median); 1 to 14.</summary>
    public int SeasonDays { get; init; } = Statistical.StatisticalOptions.DefaultSeasonDays;

    /// <summary>Quantisation levels over the running range; 2 to 1024.</summary>
    public int Levels { get; init; } = DefaultLevels;

    /// <summary>Longest context in points, the current point included; 1 to 32.</summary>
    public int MaxOrder { get; init; } = DefaultMaxOrder;

    /// <summary>Points learned before scoring starts; 0 to 100000.</summary>
    public int Warmup { get; init; } = DefaultWarmup;

    /// <summary>Points after an alert during which further alerts are withheld; 0 to 100000.</summary>
    public int Rest { get; init; } = DefaultRest;

    /// <summary>Novelty that raises an alert and starts a rest; above 0, at most 1.</summary>
    public double AlertNovelty { get; init; } = DefaultAlertNovelty;

    /// <summary>Contexts remembered; a power of two from 64 to 1048576.</summary>
    public int Memory { get; init; } = DefaultMemory;

    /// <summary>
    /// How far beyond the remembered range a point is learned (range, value grid and contexts), in widths of the range; it
    /// is still judged as it is. A glitch far off (a sentinel such as 1e6 on a series near 100) would otherwise widen the
    /// range so that every later value falls in one cell and one level, and no alert is possible until the range forgets
    /// it; a lasting move still widens the range geometrically, point by point. 0 to infinity (off).
    /// </summary>
    public double RangeGrowth { get; init; } = DefaultRangeGrowth;

    /// <summary>Throws <see cref="OptionsValidationException"/> when a setting is outside its allowed range.</summary>
    public void Validate()
    {
        Check(Levels is >= 2 and <= 1024, "Levels", Levels, "2..1024");
        Check(MaxOrder is >= 1 and <= 32, "MaxOrder", MaxOrder, "1..32");
        Check(Warmup is >= 0 and <= 100_000, "Warmup", Warmup, "0..100000 points");
        Check(Rest is >= 0 and <= 100_000, "Rest", Rest, "0..100000 points");
        Check(AlertNovelty is > 0.0 and <= 1.0, "AlertNovelty", AlertNovelty, "(0, 1]");
        Check(RangeBlocks is >= 1 and <= 4096, "RangeBlocks", RangeBlocks, "1..4096");
        Check(RangeBlockPoints is >= 1 and <= 100_000, "RangeBlockPoints", RangeBlockPoints, "1..100000 points");
        Check(RangeGrowth >= 0.0, "RangeGrowth", RangeGrowth, "0..infinity widths");
        Check(ValueWindow >= 1 && ValueWindow <= (long)RangeBlocks * RangeBlockPoints, "ValueWindow", ValueWindow, "1..RangeBlocks × RangeBlockPoints points");
        Check(ValueCells is >= 8 and <= 65_536, "ValueCells", ValueCells, "8..65536");
        Check(ValueReach >= 0 && ValueReach <= ValueCells, "ValueReach", ValueReach, "0..ValueCells");
        Check(GridHeadroom is >= 0.05 and <= 4.0, "GridHeadroom", GridHeadroom, "0.05..4");
        Check(GridRelayBelow is >= 0.01 and <= 0.99, "GridRelayBelow", GridRelayBelow, "0.01..0.99");
        Check(DeviationHalfLife is >= 2.0 and <= 1e6, "DeviationHalfLife", DeviationHalfLife, "2..1000000 points");
        Check(DeviationMinHistory is >= 3 and <= 100_000, "DeviationMinHistory", DeviationMinHistory, "3..100000 points");
        Check(DeviationClip is >= 1.0 and <= 100.0, "DeviationClip", DeviationClip, "1..100");
        Check(DeviationAbsorb is >= 0.0 and <= 1.0, "DeviationAbsorb", DeviationAbsorb, "0..1");
        Check(DeviationFamily is >= 1.0 and <= 1e9, "DeviationFamily", DeviationFamily, "1..1e9");
        Check(CountDeviation is >= 0.0 and <= 1.0, "CountDeviation", CountDeviation, "0..1");
        Check(SeasonBins is >= 1 and <= 86_400, "SeasonBins", SeasonBins, "1..86400");
        Check(SeasonDays is >= 1 and <= 14, "SeasonDays", SeasonDays, "1..14");
        Check(Memory is >= 64 and <= 1 << 20 && (Memory & (Memory - 1)) == 0, "Memory", Memory, "a power of two in 64..1048576");
    }

    private static void Check(bool ok, string name, object value, string range)
    {
        if (!ok)
        {
            throw new OptionsValidationException("Detect:Novelty:" + name, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{value} is outside the allowed range {range}."));
        }
    }
}
