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

    /// <summary>Series scored at once (default: number of cores).</summary>
    public int Parallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>Series whose live detection state a run holds at once (bounds memory; never changes a score).</summary>
    public int SeriesPerBatch { get; set; } = Jobs.Detect.DetectOptions.DefaultSeriesPerBatch;

    /// <summary>Univariate passes, comma-separated, from: novelty, statistical, forecast, robust-z.</summary>
    public string Passes { get; set; } = DefaultPasses;

    /// <summary>Passes whose onsets raise alerts (the backtest's scores), comma-separated; the others describe extent and kind.</summary>
    public string AlertPasses { get; set; } = "novelty";

    /// <summary>Label whose value groups series for the multivariate PCA pass (e.g. host); empty turns the pass off.</summary>
    public string GroupBy { get; set; } = "host";

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
