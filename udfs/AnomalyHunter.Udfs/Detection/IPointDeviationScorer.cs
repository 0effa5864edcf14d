namespace AnomalyHunter.Udfs.Detection;

/// <summary>A two-output scorer whose deviation output is corrected for a family of points, and that can also give each point's own (uncorrected) deviation score.</summary>
/// <remarks>Scoring through <see cref="ScorePerPoint"/> advances the state exactly as <see cref="IDeviationSeriesScorer.Score(ReadOnlySpan{long}, ReadOnlySpan{double}, Span{double}, Span{double})"/> does.</remarks>
internal interface IPointDeviationScorer : IDeviationSeriesScorer
{
    /// <summary>Like the two-output score, but writes each point's deviation score without the family correction.</summary>
    void ScorePerPoint(ReadOnlySpan<long> timestampsMs, ReadOnlySpan<double> values, Span<double> alerts, Span<double> deviations);
}
