namespace AnomalyHunter.Synthetic.Model;

/// <summary>The points of one series in memory; missing-data gaps are absent.</summary>
/// <param name="Series">The series identity.</param>
/// <param name="TimestampsMs">UTC epoch milliseconds, ascending.</param>
/// <param name="Values">Values at those timestamps.</param>
public sealed record SeriesData(SeriesInfo Series, long[] TimestampsMs, double[] Values);
