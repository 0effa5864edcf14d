namespace AnomalyHunter.Udfs.Detection.Combined;

/// <summary>A scorer made of passes that reports, in one call, the combined alert, the combined deviation and each pass's deviation.</summary>
public interface ICombinedSeriesScorer : ISeriesScorer
{
    /// <summary>Names of the passes, in the column order of the per-pass scores.</summary>
    IReadOnlyList<string> PassNames { get; }

    /// <summary>Scores points in time order; <paramref name="perPass"/> is row-major (points × passes). Advances the state like <see cref="ISeriesScorer.Score"/>.</summary>
    void ScoreAll(ReadOnlySpan<long> timestampsMs, ReadOnlySpan<double> values, Span<double> alerts, Span<double> deviations, Span<double> perPass);
}
