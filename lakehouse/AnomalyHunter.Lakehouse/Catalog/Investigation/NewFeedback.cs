namespace AnomalyHunter.Lakehouse.Catalog.Investigation;

/// <summary>Feedback about to be recorded (no id yet).</summary>
/// <param name="VerdictId">The verdict judged.</param>
/// <param name="Verdict"><c>correct</c>, <c>incorrect</c> or <c>partial</c>.</param>
/// <param name="Note">Free text, optional.</param>
/// <param name="ResolvedBy">Id of the runbook that fixed the problem, optional.</param>
/// <param name="UserName">Who gave the feedback.</param>
public sealed record NewFeedback(string VerdictId, string Verdict, string? Note, string? ResolvedBy, string UserName);
