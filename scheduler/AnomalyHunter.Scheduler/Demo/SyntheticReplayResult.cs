using AnomalyHunter.Jobs.Query;
using AnomalyHunter.Synthetic.Model;
using AnomalyHunter.Synthetic.Scoring;

namespace AnomalyHunter.Scheduler.Demo;

/// <summary>The outcome of a <see cref="SyntheticReplay"/>: the per-kind table, the windows and labels behind it, and the time taken (in all, in detect, and naming the windows' kinds).</summary>
internal sealed record SyntheticReplayResult(
    IReadOnlyList<KindScore> Rows,
    string Consumer,
    int Series,
    long GeneratedPoints,
    IReadOnlyList<AnomalyLabel> Labels,
    IReadOnlyList<AnomalyRow> Anomalies,
    IReadOnlyList<DetectedWindow> Windows,
    ScoringOptions Scoring,
    int Days,
    long PointsScored,
    TimeSpan DetectTime,
    TimeSpan NamingTime,
    TimeSpan Elapsed);
