using AnomalyHunter.Investigation.Findings;
using AnomalyHunter.Investigation.Runbooks;
using AnomalyHunter.Investigation.Verdicts;
using AnomalyHunter.Lakehouse.Catalog.Investigation;

namespace AnomalyHunter.Investigation.Job;

/// <summary>Past outcomes of runbooks, from feedback: resolved when named with <c>--resolved-by</c>; not resolved when a confirmed verdict offered it first and something else (or nothing named) resolved it.</summary>
public static class RunbookOutcomes
{
    /// <summary>Runbook id → outcome.</summary>
    public static async Task<IReadOnlyDictionary<string, RunbookOutcome>> LoadAsync(IInvestigationStore store, CancellationToken cancellationToken)
    {
        var resolved = new Dictionary<string, int>(StringComparer.Ordinal);
        var failed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var f in await store.ListFeedbackAsync(null, cancellationToken))
        {
            if (f.ResolvedBy is string id)
            {
                resolved[id] = resolved.GetValueOrDefault(id) + 1;
            }

            if (f.Verdict is "correct" or "partial")
            {
                var record = await store.GetVerdictAsync(f.VerdictId, cancellationToken);
                var first = record is null ? null : FindingJson.Deserialize<Verdict>(record.VerdictJson).Runbooks.FirstOrDefault();
                if (first is not null && first.Id != f.ResolvedBy && f.ResolvedBy is not null)
                {
                    failed[first.Id] = failed.GetValueOrDefault(first.Id) + 1;
                }
            }
        }

        return resolved.Keys.Union(failed.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .ToDictionary(id => id, id => new RunbookOutcome(resolved.GetValueOrDefault(id), failed.GetValueOrDefault(id)), StringComparer.Ordinal);
    }
}
