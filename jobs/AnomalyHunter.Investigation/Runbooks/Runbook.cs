namespace AnomalyHunter.Investigation.Runbooks;

/// <summary>A remediation runbook: when it applies, what to do, and how to check that it worked.</summary>
/// <param name="Id">Stable id, such as <c>cpu-saturation</c>.</param>
/// <param name="Title">One line.</param>
/// <param name="Description">What the problem usually is.</param>
/// <param name="Match">Conditions on pattern, metric, labels, severity and direction.</param>
/// <param name="Steps">What to do, in order.</param>
/// <param name="Verify">Commands that check the fix; <c>{series}</c>, <c>{metric}</c>, <c>{start}</c>, <c>{end}</c> and label names in braces are filled in.</param>
public sealed record Runbook(string Id, string Title, string Description, RunbookMatch Match, IReadOnlyList<string> Steps, IReadOnlyList<string> Verify);
