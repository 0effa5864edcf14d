namespace AnomalyHunter.Udfs.Detection;

/// <summary>A scorer made of several passes that can also report each pass's own calibrated score per point.</summary>
/// <remarks>Scoring through this method advances the state exactly as <see cref="ISeriesScorer.Score"/> does.</remarks>
public interface IContributingSeriesScorer : ISeriesScorer
{
    /// <summary>Names of the passes, in the column order of the contributions.</summary>
    IReadOnlyList<string> PassNames { get; }

    /// <summary>Scores like <see cref="ISeriesScorer.Score"/> and writes, row-major, one 0–100 score per point and pass into <paramref name="contributions"/> (length = points × passes).</summary>
    void Score(ReadOnlySpan<long> timestampsMs, ReadOnlySpan<double> values, Span<double> scores, Span<double> contributions);
}
