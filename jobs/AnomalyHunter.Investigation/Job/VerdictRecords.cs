using AnomalyHunter.Investigation.Findings;
using AnomalyHunter.Investigation.Verdicts;
using AnomalyHunter.Lakehouse.Catalog.Investigation;

namespace AnomalyHunter.Investigation.Job;

/// <summary>Converts verdicts to and from their stored rows.</summary>
public static class VerdictRecords
{
    /// <summary>The verdict row and its finding rows.</summary>
    public static (VerdictRecord Verdict, IReadOnlyList<FindingRecord> Findings) ToRecords(Verdict v) =>
        (new VerdictRecord(v.VerdictId, v.AnomalyId, v.RunId, v.SeriesId, v.CreatedAt.ToUnixTimeMilliseconds(), v.Decision, v.Pattern, v.Severity,
            v.Confidence, v.Manifest.SnapshotId, v.Window.Detector, v.Weights.LearningVersion, v.Degraded, FindingJson.Serialize(v)),
         [.. v.Findings.Select(f => new FindingRecord(v.VerdictId, f.Agent, f.Source, f.Confidence, f.Severity, FindingJson.Serialize(f)))]);

    /// <summary>The verdict document of a row.</summary>
    public static Verdict FromRecord(VerdictRecord record) => FindingJson.Deserialize<Verdict>(record.VerdictJson);

    /// <summary>Stores a verdict with its findings.</summary>
    public static Task SaveAsync(IInvestigationStore store, Verdict verdict, CancellationToken cancellationToken)
    {
        var (row, findings) = ToRecords(verdict);
        return store.SaveVerdictAsync(row, findings, cancellationToken);
    }
}
