using System.Globalization;
using AnomalyHunter.Udfs.Options;

namespace AnomalyHunter.Jobs.Detect;

/// <summary>Settings of the detect job. Bound from the <c>Detect</c> configuration section.</summary>
public sealed record DetectOptions
{
    /// <summary>Default score at or above which a point is anomalous (p ≈ 0.01 after the correction for many points).</summary>
    public const double DefaultThreshold = Udfs.Detection.ScoreScale.DefaultThreshold;

    /// <summary>Default number of quiet points allowed inside one window.</summary>
    public const int DefaultMergeGap = 3;

    /// <summary>The pass name that missing-data windows report.</summary>
    public const string MissingDataPass = "missing-data";

    /// <summary>Default number of consecutive absent points of a regular series that count as missing data.</summary>
    public const int DefaultGapMinMissing = 3;

    /// <summary>Consecutive absent points (against the series' learned cadence) that make a missing-data window; 0 turns the check off; 0 to 100000.</summary>
    public int GapMinMissing { get; init; } = DefaultGapMinMissing;

    /// <summary>Default number of series whose live state a run holds at once.</summary>
    public const int DefaultSeriesPerBatch = 1000;

    /// <summary>Score (0–100) at or above which a point is anomalous.</summary>
    public double Threshold { get; init; } = DefaultThreshold;

    /// <summary>Quiet points allowed between anomalous points of one window (0 to 10000).</summary>
    public int MergeGap { get; init; } = DefaultMergeGap;

    /// <summary>Series scored at once (1 to 256; default: the number of cores).</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Series scored together through all their new data before their states are saved and dropped (1 to 1,000,000;
    /// whole groups stay together). Bounds the run's memory; it does not change any score.
    /// </summary>
    public int SeriesPerBatch { get; init; } = DefaultSeriesPerBatch;

    /// <summary>Throws when a setting is outside its allowed range.</summary>
    public void Validate()
    {
        if (Threshold is < 0 or > 100 || double.IsNaN(Threshold))
        {
            throw new OptionsValidationException("Detect:Threshold", string.Create(CultureInfo.InvariantCulture, $"{Threshold} is outside the allowed range 0..100."));
        }

        if (MergeGap is < 0 or > 10_000)
        {
            throw new OptionsValidationException("Detect:MergeGap", string.Create(CultureInfo.InvariantCulture, $"{MergeGap} is outside the allowed range 0..10000."));
        }

        if (GapMinMissing is < 0 or > 100_000)
        {
            throw new OptionsValidationException("Detect:GapMinMissing", string.Create(CultureInfo.InvariantCulture, $"{GapMinMissing} is outside the allowed range 0..100000."));
        }

        if (Parallelism is < 1 or > 256)
        {
            throw new OptionsValidationException("Detect:Parallelism", string.Create(CultureInfo.InvariantCulture, $"{Parallelism} is outside the allowed range 1..256."));
        }

        if (SeriesPerBatch is < 1 or > 1_000_000)
        {
            throw new OptionsValidationException("Detect:SeriesPerBatch", string.Create(CultureInfo.InvariantCulture, $"{SeriesPerBatch} is outside the allowed range 1..1000000."));
        }
    }
}
