namespace AnomalyHunter.Scheduler.Configuration;

/// <summary>Detector choice and its settings.</summary>
internal sealed class DetectSettings
{
    /// <summary>Score (0–100) at or above which a point is anomalous.</summary>
    public double Threshold { get; set; } = Jobs.Detect.DetectOptions.DefaultThreshold;

    /// <summary>Quiet points allowed inside one window.</summary>
    public int MergeGap { get; set; } = Jobs.Detect.DetectOptions.DefaultMergeGap;

    /// <summary>Series scored at once (default: number of cores).</summary>
    public int Parallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>Trailing window of the robust detector, in points.</summary>
    public int Window { get; set; } = Udfs.Detection.RobustZOptions.DefaultWindow;

    /// <summary>Points needed before scoring starts.</summary>
    public int MinHistory { get; set; } = Udfs.Detection.RobustZOptions.DefaultMinHistory;
}
