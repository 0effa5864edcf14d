namespace AnomalyHunter.Synthetic.Scoring;

/// <summary>How many windows the detector gave one kind while the label they overlap has another (or the same) kind.</summary>
/// <param name="Named">The kind the detector gave the windows.</param>
/// <param name="Labelled">The kind of the label they overlap (see <see cref="DetectionScorer.Confusion"/>), or <see cref="DetectionScorer.UnlabelledRow"/>.</param>
/// <param name="Windows">Windows with this pair.</param>
public sealed record KindConfusion(string Named, string Labelled, int Windows);
