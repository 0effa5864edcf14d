using AnomalyHunter.Udfs.Detection;
using AnomalyHunter.Udfs.Detection.Novelty;
using AnomalyHunter.Udfs.Detection.Statistical;
using AnomalyHunter.Udfs.Forecast;
using AnomalyHunter.Udfs.Multivariate;

namespace AnomalyHunter.Scheduler.Configuration;

/// <summary>Which passes detect runs, how their scores become windows, and each pass's own settings.</summary>
internal sealed class DetectSettings
{
    /// <summary>Default univariate passes, comma-separated.</summary>
    public const string DefaultPasses = "novelty,statistical,forecast";

    /// <summary>Combined deviation score (0–100) at or above which a point is anomalous.</summary>
    public double Threshold { get; set; } = ScoreScale.DefaultThreshold;

    /// <summary>Quiet points allowed inside one window.</summary>
    public int MergeGap { get; set; } = Jobs.Detect.DetectOptions.DefaultMergeGap;

    /// <summary>Number of points a window-opening deviation is corrected for: the threshold then marks deviations rarer than once per 100 × this many normal points (1 to 1e9).</summary>
    public double DeviationFamily { get; set; } = ScoreScale.DefaultDeviationFamily;

    /// <summary>Score points by which the strongest pass's per-point score may exceed the next strongest pass's before the family correction: a deviation only one pass sees does not open a window (0 or more; a very large value turns agreement off).</summary>
    public double AgreementMargin { get; set; } = Udfs.Detection.Combined.PassCombination.DefaultAgreementMargin;

    /// <summary>Points (the current one and those before it) on which a second pass may agree with the strongest pass (1: the same point only; 1 to 1000).</summary>
    public int AgreementSpan { get; set; } = Udfs.Detection.Combined.PassCombination.DefaultAgreementSpan;

    /// <summary>Time after a series' first point during which a window needs every pass to find its points rare (0 to 365 days; 0 turns it off).</summary>
    public TimeSpan LearningPeriod { get; set; } = Udfs.Detection.Combined.PassCombination.DefaultLearningPeriod;

    /// <summary>Score points added to the family correction in the learning period, so a series' first day needs stronger evidence from every pass (0 or more).</summary>
    public double LearningMargin { get; set; } = Udfs.Detection.Combined.PassCombination.DefaultLearningMargin;

    /// <summary>Time after a series' first point during which <see cref="SettlingMargin"/> replaces the agreement margin (0 to 365 days; 0 turns it off).</summary>
    public TimeSpan SettlingPeriod { get; set; } = Udfs.Detection.Combined.PassCombination.DefaultSettlingPeriod;

    /// <summary>Agreement margin in the settling period: a second pass must agree more firmly while the passes learn the series' weekly pattern (0 or more; at or above <see cref="AgreementMargin"/> it has no effect).</summary>
    public double SettlingMargin { get; set; } = Udfs.Detection.Combined.PassCombination.DefaultSettlingMargin;

    /// <summary>Consecutive absent points of a regular series that make a missing-data window (0 turns the check off).</summary>
    public int GapMinMissing { get; set; } = Jobs.Detect.DetectOptions.DefaultGapMinMissing;

    /// <summary>Series scored at once (default: number of cores).</summary>
    public int Parallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>Series whose live detection state a run holds at once (bounds memory; never changes a score).</summary>
    public int SeriesPerBatch { get; set; } = Jobs.Detect.DetectOptions.DefaultSeriesPerBatch;

    /// <summary>Univariate passes, comma-separated, from: novelty, statistical, forecast, robust-z.</summary>
    public string Passes { get; set; } = DefaultPasses;

    /// <summary>Passes whose onsets raise alerts (the backtest's scores), comma-separated; the others describe extent and kind.</summary>
    public string AlertPasses { get; set; } = "novelty";

    /// <summary>Passes whose deviations form the combined deviation and so the windows, comma-separated (empty: every configured pass).</summary>
    public string DeviationPasses { get; set; } = string.Empty;

    /// <summary>Label whose value groups series for the multivariate PCA pass (e.g. host); empty (the default) turns the pass off.</summary>
    /// <remarks>Off by default: on the synthetic demo its row scores, which assume Gaussian, non-seasonal members, opened hundreds of windows and found no incident the series passes missed.</remarks>
    public string GroupBy { get; set; } = string.Empty;

    /// <summary>Settings of the novelty pass.</summary>
    public NoveltyOptions Novelty { get; set; } = new();

    /// <summary>Settings of the statistical pass.</summary>
    public StatisticalOptions Statistical { get; set; } = new();

    /// <summary>Settings of the forecasting pass.</summary>
    public ForecastOptions Forecast { get; set; } = new();

    /// <summary>Settings of the robust-z pass.</summary>
    public RobustZOptions RobustZ { get; set; } = new();

    /// <summary>Settings of the multivariate PCA pass.</summary>
    public PcaOptions Pca { get; set; } = new();
}
