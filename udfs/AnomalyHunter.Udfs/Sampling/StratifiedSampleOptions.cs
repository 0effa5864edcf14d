using System.Globalization;
using AnomalyHunter.Udfs.Options;

namespace AnomalyHunter.Udfs.Sampling;

/// <summary>Settings of the stratified sample that baselines and PCA are fitted on when a history exceeds its budget.</summary>
public sealed record StratifiedSampleOptions
{
    /// <summary>Default budget in points (rows).</summary>
    public const int DefaultBudget = 4096;

    /// <summary>Default number of time blocks.</summary>
    public const int DefaultTimeBlocks = 28;

    /// <summary>Default length of a time block of the streaming sample: one day.</summary>
    public const long DefaultBlockMs = 86_400_000L;

    /// <summary>Default season whose phase forms the other stratum axis: one day.</summary>
    public const long DefaultPhasePeriodMs = 86_400_000L;

    /// <summary>Default number of phase bins per season (hours of the day).</summary>
    public const int DefaultPhaseBins = 24;

    /// <summary>Default seed of the sampling hash.</summary>
    public const long DefaultSeed = 0x5EED;

    /// <summary>Default failure probability δ of the reported error bounds.</summary>
    public const double DefaultDelta = 0.05;

    /// <summary>Most points kept; 16 to 10000000.</summary>
    public int Budget { get; init; } = DefaultBudget;

    /// <summary>Time blocks: equal-count blocks of a batch history, or the number of trailing <see cref="BlockMs"/> blocks a streaming sample keeps; 1 to 10000.</summary>
    public int TimeBlocks { get; init; } = DefaultTimeBlocks;

    /// <summary>Length of a streaming sample's time block in milliseconds; 1 second to 366 days.</summary>
    public long BlockMs { get; init; } = DefaultBlockMs;

    /// <summary>Season whose phase is a stratum axis, in milliseconds; 1 second to 366 days.</summary>
    public long PhasePeriodMs { get; init; } = DefaultPhasePeriodMs;

    /// <summary>Phase bins per season; 1 to 10000.</summary>
    public int PhaseBins { get; init; } = DefaultPhaseBins;

    /// <summary>Seed of the hash that ranks points inside a stratum; any value.</summary>
    public long Seed { get; init; } = DefaultSeed;

    /// <summary>Failure probability of the reported error bounds; strictly between 0 and 1.</summary>
    public double Delta { get; init; } = DefaultDelta;

    /// <summary>Throws <see cref="OptionsValidationException"/> naming the first setting outside its allowed range.</summary>
    public void Validate()
    {
        const long second = 1_000L;
        const long maxPeriod = 366L * 86_400_000L;
        Check(Budget is >= 16 and <= 10_000_000, "Budget", Budget, "16..10000000");
        Check(TimeBlocks is >= 1 and <= 10_000, "TimeBlocks", TimeBlocks, "1..10000");
        Check(BlockMs is >= second and <= maxPeriod, "BlockMs", BlockMs, "1000..31622400000");
        Check(PhasePeriodMs is >= second and <= maxPeriod, "PhasePeriodMs", PhasePeriodMs, "1000..31622400000");
        Check(PhaseBins is >= 1 and <= 10_000, "PhaseBins", PhaseBins, "1..10000");
        Check(Delta is > 0.0 and < 1.0, "Delta", Delta, "(0, 1)");
    }

    /// <summary>A stable text of every setting, for fingerprints.</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"b{Budget}/tb{TimeBlocks}/bm{BlockMs}/pp{PhasePeriodMs}/pb{PhaseBins}/s{Seed}/d{Delta:R}");

    private static void Check(bool ok, string name, double value, string range)
    {
        if (!ok)
        {
            throw new OptionsValidationException(
                "Sampling:" + name,
                string.Create(CultureInfo.InvariantCulture, $"{value} is outside the allowed range {range}."));
        }
    }
}
