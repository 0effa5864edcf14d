namespace AnomalyHunter.Lakehouse.Catalog.Investigation;

/// <summary>What a person said about a verdict.</summary>
/// <param name="FeedbackId">Sequential id.</param>
/// <param name="VerdictId">The verdict judged.</param>
/// <param name="Verdict"><c>correct</c>, <c>incorrect</c> or <c>partial</c>.</param>
/// <param name="Note">Free text, optional.</param>
/// <param name="ResolvedBy">Id of the runbook that fixed the problem, optional.</param>
/// <param name="UserName">Who gave the feedback.</param>
/// <param name="CreatedAtMs">When (UTC epoch ms).</param>
/// <param name="LearningVersion">The learning version this feedback produced.</param>
public sealed record FeedbackRecord(
    long FeedbackId,
    string VerdictId,
    string Verdict,
    string? Note,
    string? ResolvedBy,
    string UserName,
    long CreatedAtMs,
    int LearningVersion);
