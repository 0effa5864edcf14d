using AnomalyHunter.Investigation.Context;

namespace AnomalyHunter.Investigation.Agents;

/// <summary>The series that moved with a candidate, first mover first, and the events that preceded it.</summary>
internal sealed record RootCauseRanking(long StepMs, IReadOnlyList<RootCauseMover> Movers, IReadOnlyList<ChangeEvent> Events, IReadOnlyList<string> Suspects);
