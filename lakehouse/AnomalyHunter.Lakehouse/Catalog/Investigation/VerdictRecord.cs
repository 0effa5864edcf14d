namespace AnomalyHunter.Lakehouse.Catalog.Investigation;

/// <summary>A stored verdict: the indexed columns plus the full verdict document (<see cref="VerdictJson"/>).</summary>
/// <param name="VerdictId">Stable id, derived from the anomaly window it judges.</param>
/// <param name="AnomalyId">The anomaly window.</param>
/// <param name="RunId">The investigate run that wrote it.</param>
/// <param name="SeriesId">The series of the window.</param>
/// <param name="CreatedAtMs">When it was written (UTC epoch ms).</param>
/// <param name="Decision"><c>anomaly</c> or <c>noise</c>.</param>
/// <param name="Pattern">The pattern named by the verdict, such as <c>level_shift</c>.</param>
/// <param name="Severity">1 (cosmetic) to 10 (critical).</param>
/// <param name="Confidence">Confidence in the decision, 0 to 1.</param>
/// <param name="SnapshotId">The lakehouse snapshot whose data was examined.</param>
/// <param name="Detector">The detector configuration (consumer) that found the window.</param>
/// <param name="LearningVersion">The version of the learned weights used.</param>
/// <param name="Degraded">Whether an agent fell back to its offline version.</param>
/// <param name="VerdictJson">The full verdict document.</param>
public sealed record VerdictRecord(
    string VerdictId,
    string AnomalyId,
    string RunId,
    long SeriesId,
    long CreatedAtMs,
    string Decision,
    string Pattern,
    int Severity,
    double Confidence,
    long SnapshotId,
    string Detector,
    int LearningVersion,
    bool Degraded,
    string VerdictJson);
