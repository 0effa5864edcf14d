using AnomalyHunter.Investigation.Findings;
using AnomalyHunter.Investigation.Learning;
using AnomalyHunter.Investigation.Runbooks;
using AnomalyHunter.Lakehouse.Catalog;
using AnomalyHunter.Lakehouse.Model;

namespace AnomalyHunter.Investigation.Verdicts;

/// <summary>Everything verdict synthesis combines.</summary>
public sealed record SynthesisInput
{
    public required AnomalyRecord Anomaly { get; init; }

    public required SeriesKey Key { get; init; }

    public required string RunId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required IReadOnlyList<Finding> Findings { get; init; }

    public required LearningState Learning { get; init; }

    public required RunbookLibrary Runbooks { get; init; }

    public IReadOnlyDictionary<string, RunbookOutcome> RunbookOutcomes { get; init; } = new Dictionary<string, RunbookOutcome>();

    public required ReplayManifest Manifest { get; init; }
}
