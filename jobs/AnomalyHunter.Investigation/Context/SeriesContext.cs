using AnomalyHunter.Lakehouse.Model;

namespace AnomalyHunter.Investigation.Context;

/// <summary>A series with its key and the points read around a candidate window.</summary>
public sealed record SeriesContext(long SeriesId, SeriesKey Key, SeriesPoints Points);
