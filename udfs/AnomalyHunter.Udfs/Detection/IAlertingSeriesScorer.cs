namespace AnomalyHunter.Udfs.Detection;

/// <summary>A scorer with two outputs per point: how far it deviates (for the extent of windows) and how strongly it alerts (the onset of new evidence).</summary>
/// <remarks>
/// Both are on <see cref="ScoreScale"/>. The deviation score is what <see cref="ISeriesScorer.Score"/> writes. The
/// alert score is at most the deviation score and is high only where a point adds evidence beyond the incident
/// already in progress, so that one incident raises one alert. Scoring through this method advances the state
/// exactly as <see cref="ISeriesScorer.Score"/> does.
/// </remarks>
public interface IAlertingSeriesScorer : ISeriesScorer
{
    /// <summary>Scores like <see cref="ISeriesScorer.Score"/> into <paramref name="deviations"/> and writes the alert score of each point into <paramref name="alerts"/>.</summary>
    void ScoreWithAlerts(ReadOnlySpan<long> timestampsMs, ReadOnlySpan<double> values, Span<double> deviations, Span<double> alerts);
}
