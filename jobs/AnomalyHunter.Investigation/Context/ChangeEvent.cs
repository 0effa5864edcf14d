namespace AnomalyHunter.Investigation.Context;

/// <summary>Something that happened to the system (a deployment, a configuration change), from the optional events file.</summary>
/// <param name="TimeMs">When (UTC epoch ms).</param>
/// <param name="Kind">Such as <c>deployment</c> or <c>config_change</c>.</param>
/// <param name="Description">Free text.</param>
/// <param name="Labels">Labels the event applies to (such as <c>service=api</c>); empty applies to everything.</param>
public sealed record ChangeEvent(long TimeMs, string Kind, string Description, IReadOnlyDictionary<string, string> Labels);
