namespace AnomalyHunter.Investigation.Findings;

/// <summary>The pattern vocabulary of findings and verdicts (the same text as the synthetic generator's anomaly kinds).</summary>
public static class Patterns
{
    /// <summary>A short upward excursion.</summary>
    public const string Spike = "spike";

    /// <summary>A short downward excursion.</summary>
    public const string Dip = "dip";

    /// <summary>A step change of the level that persists.</summary>
    public const string LevelShift = "level_shift";

    /// <summary>A change of slope (a ramp) after which the level reached is kept.</summary>
    public const string TrendChange = "trend_change";

    /// <summary>The noise grows or shrinks while the level stays.</summary>
    public const string VarianceChange = "variance_change";

    /// <summary>The daily pattern is flattened, inverted or shifted in time.</summary>
    public const string SeasonalityBreak = "seasonality_break";

    /// <summary>Points are absent.</summary>
    public const string MissingData = "missing_data";

    /// <summary>Several related series move together.</summary>
    public const string CorrelatedIncident = "correlated_incident";

    /// <summary>Every pattern, in table order.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Spike, Dip, LevelShift, TrendChange, VarianceChange, SeasonalityBreak, MissingData, CorrelatedIncident];
}
