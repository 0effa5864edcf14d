using AnomalyHunter.Investigation.Findings;
using AnomalyHunter.Investigation.Learning;
using AnomalyHunter.Lakehouse.Catalog;
using AnomalyHunter.Lakehouse.Catalog.Investigation;

namespace AnomalyHunter.Investigation.Job;

/// <summary>Records feedback on a verdict and, in the same transaction, the learning version it produces.</summary>
public sealed class FeedbackService
{
    private const int ConflictRetries = 5;
    private readonly IInvestigationStore _store;
    private readonly LearningRule _rule;

    /// <summary>Creates the service.</summary>
    public FeedbackService(IInvestigationStore store, LearningRule rule)
    {
        _store = store;
        _rule = rule;
    }

    /// <summary>Parses <c>correct</c>, <c>incorrect</c> or <c>partial</c>.</summary>
    public static FeedbackKind ParseKind(string text) => text switch
    {
        "correct" => FeedbackKind.Correct,
        "incorrect" => FeedbackKind.Incorrect,
        "partial" => FeedbackKind.Partial,
        _ => throw new FormatException($"--verdict: '{text}' is not one of correct, incorrect, partial."),
    };

    /// <summary>The text of a feedback kind.</summary>
    public static string KindText(FeedbackKind kind) => kind switch
    {
        FeedbackKind.Correct => "correct",
        FeedbackKind.Incorrect => "incorrect",
        _ => "partial",
    };

    /// <summary>Records the feedback and returns it with the learning changes it caused.</summary>
    public async Task<(FeedbackRecord Feedback, IReadOnlyList<LearningChange> Changes)> RecordAsync(
        string verdictId,
        FeedbackKind kind,
        string? note,
        string? resolvedBy,
        string user,
        CancellationToken cancellationToken)
    {
        var record = await _store.GetVerdictAsync(verdictId, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no verdict '{verdictId}'; list them with 'anomaly-hunter verdicts list'.");
        var verdict = VerdictRecords.FromRecord(record);
        var subject = new FeedbackSubject(verdict.Decision, verdict.Pattern, verdict.Metric, verdict.Window.Passes,
            verdict.Findings.ToDictionary(f => f.Agent, f => f.Confidence, StringComparer.Ordinal));
        for (int attempt = 1; ; attempt++)
        {
            var state = await LearningStates.LoadAsync(_store, null, cancellationToken);
            var (next, changes) = _rule.Apply(state, subject, kind, $"feedback on {verdictId} ({KindText(kind)} by {user})");
            var update = new LearningUpdate(state.Version, LearningRule.Name, FindingJson.Serialize(next), FindingJson.Serialize(changes));
            try
            {
                var feedback = await _store.AddFeedbackAsync(new NewFeedback(verdictId, KindText(kind), note, resolvedBy, user), update, cancellationToken);
                return (feedback, changes);
            }
            catch (CatalogConflictException) when (attempt < ConflictRetries)
            {
                // why: another feedback landed between reading the state and committing; recompute from the new state.
            }
        }
    }
}
