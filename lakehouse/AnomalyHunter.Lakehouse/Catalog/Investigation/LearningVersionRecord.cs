namespace AnomalyHunter.Lakehouse.Catalog.Investigation;

/// <summary>One version of the learned weights.</summary>
/// <param name="Version">1, 2, …; version 0 is the configured starting point and is not stored.</param>
/// <param name="CreatedAtMs">When (UTC epoch ms).</param>
/// <param name="Rule">Name and version of the learning rule.</param>
/// <param name="FeedbackId">The feedback that caused it.</param>
/// <param name="StateJson">The complete learned state.</param>
/// <param name="ChangesJson">What changed and why.</param>
public sealed record LearningVersionRecord(int Version, long CreatedAtMs, string Rule, long? FeedbackId, string StateJson, string ChangesJson);
