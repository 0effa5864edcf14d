namespace AnomalyHunter.Quality.Nab;

/// <summary>A labelled series with one detector score per row.</summary>
public sealed record NabScoredSeries(NabSeries Series, double[] Scores);
