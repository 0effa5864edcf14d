namespace AnomalyHunter.Udfs.Detection;

/// <summary>A scorer with two outputs per point: the alert score (the onset of something new, once per incident) and the deviation score (every point that is currently off its normal behaviour).</summary>
/// <remarks>
/// The alert output is what <see cref="ISeriesScorer.Score"/> writes; it suits paging and NAB-style scoring, where
/// an incident should raise one early alert. The deviation output marks each abnormal point of an incident, so that
/// runs of deviating points delimit anomaly windows (e.g. three bursts close together give three windows). Both are
/// on the 0–100 scale of <see cref="ScoreScale"/>; scoring through this method advances the state exactly as
/// <see cref="ISeriesScorer.Score"/> does.
/// </remarks>
public interface IDeviationSeriesScorer : ISeriesScorer
{
    /// <summary>Scores like <see cref="ISeriesScorer.Score"/> into <paramref name="alerts"/> and writes each point's deviation score into <paramref name="deviations"/>.</summary>
    void Score(ReadOnlySpan<long> timestampsMs, ReadOnlySpan<double> values, Span<double> alerts, Span<double> deviations);
}
