namespace AnomalyHunter.Lakehouse.Catalog.Investigation;

/// <summary>A new version of the learned weights, committed with the feedback that caused it.</summary>
/// <param name="ExpectedVersion">The version the change was computed from; the commit fails when another writer advanced it first.</param>
/// <param name="Rule">Name and version of the learning rule.</param>
/// <param name="StateJson">The complete learned state after the change.</param>
/// <param name="ChangesJson">What changed and why (one entry per weight or threshold).</param>
public sealed record LearningUpdate(int ExpectedVersion, string Rule, string StateJson, string ChangesJson);
