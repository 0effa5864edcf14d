namespace AnomalyHunter.Jobs.Detect;

/// <summary>Receives every point score as it is computed (called from several threads at once, once per series chunk).</summary>
public interface IPointScoreSink
{
    /// <summary>Scores of consecutive points of one series: the combined deviation score (windows) and the alert score (onsets).</summary>
    void OnScores(long seriesId, ReadOnlySpan<long> timestampsMs, ReadOnlySpan<double> values, ReadOnlySpan<double> scores, ReadOnlySpan<double> alerts);
}
