using System.Buffers;

namespace AnomalyHunter.Udfs.Detection;

/// <summary>A causal scorer for one series: it sees points in time order and keeps bounded state between calls.</summary>
/// <remarks>
/// Contract: the score of a point depends only on the points at or before it, so scoring a series in
/// several calls (daily batches) writes exactly the scores of one call over the concatenation, and a
/// scorer restored from <see cref="WriteState"/> continues exactly where the saved one stopped.
/// Scores are calibrated to 0–100 (see <see cref="ScoreScale"/>); NaN values score 0 and do not update state.
/// </remarks>
public interface ISeriesScorer
{
    /// <summary>Scores <paramref name="values"/> (with their UTC epoch-millisecond timestamps) into <paramref name="scores"/>.</summary>
    void Score(ReadOnlySpan<long> timestampsMs, ReadOnlySpan<double> values, Span<double> scores);

    /// <summary>Writes the full state, so that <see cref="ISeriesScorerFactory.Restore"/> continues exactly from here.</summary>
    void WriteState(IBufferWriter<byte> writer);
}
