using System.Text.Json.Serialization;

namespace AnomalyHunter.Investigation.Learning;

/// <summary>One weight or threshold moved by one feedback, with the reason.</summary>
/// <param name="Key">What moved, such as <c>agent:root-cause|spike</c>, <c>pattern:spike|cpu_utilization</c> or <c>pass:robust-z</c>.</param>
/// <param name="Before">The derived value before (weight, prior or threshold).</param>
/// <param name="After">The derived value after.</param>
/// <param name="Counts">The Beta counts after.</param>
/// <param name="Reason">Why, in one sentence.</param>
public sealed record LearningChange(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("before")] double Before,
    [property: JsonPropertyName("after")] double After,
    [property: JsonPropertyName("counts")] BetaCounts Counts,
    [property: JsonPropertyName("reason")] string Reason);
