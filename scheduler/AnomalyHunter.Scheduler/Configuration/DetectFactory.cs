using AnomalyHunter.Jobs.Detect;
using AnomalyHunter.Udfs.Detection;

namespace AnomalyHunter.Scheduler.Configuration;

/// <summary>Turns detect settings into the job's options and the configured detector.</summary>
internal static class DetectFactory
{
    public static DetectOptions Options(DetectSettings s) => new()
    {
        Threshold = s.Threshold,
        MergeGap = s.MergeGap,
        Parallelism = s.Parallelism,
    };

    public static RobustZOptions RobustZ(DetectSettings s) => new() { Window = s.Window, MinHistory = s.MinHistory };

    public static ISeriesScorerFactory Scorer(DetectSettings s) => new RobustZScorerFactory(RobustZ(s));
}
