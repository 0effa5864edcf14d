using AnomalyHunter.Investigation.Findings;
using AnomalyHunter.Investigation.Learning;
using AnomalyHunter.Lakehouse.Catalog.Investigation;

namespace AnomalyHunter.Investigation.Job;

/// <summary>Loads learned states from the store.</summary>
public static class LearningStates
{
    /// <summary>The state of <paramref name="version"/> (the current one when null; version 0 is the empty state).</summary>
    public static async Task<LearningState> LoadAsync(IInvestigationStore store, int? version, CancellationToken cancellationToken)
    {
        int v = version ?? await store.CurrentLearningVersionAsync(cancellationToken);
        if (v == 0)
        {
            return new LearningState();
        }

        var record = await store.GetLearningVersionAsync(v, cancellationToken)
            ?? throw new InvalidOperationException($"Learning version {v} is not stored.");
        return FindingJson.Deserialize<LearningState>(record.StateJson);
    }
}
