namespace AnomalyHunter.Synthetic.Scoring;

/// <summary>One row of the score table.</summary>
/// <param name="Kind">Kind label text, <see cref="DetectionScorer.UnlabelledRow"/> for windows that hit no label, or <see cref="DetectionScorer.AllRow"/> for the totals.</param>
/// <param name="Labelled">Labels of this kind.</param>
/// <param name="Found">Labels of this kind overlapped by at least one window on one of their series.</param>
/// <param name="Recall">Found ÷ labelled; null when nothing is labelled.</param>
/// <param name="Windows">Windows attributed to this row.</param>
/// <param name="Correct">Of those, windows that overlap a label of their series.</param>
/// <param name="Precision">Of the windows the detector itself put in this row (its own kind, or no kind and no label: the unlabelled row), the share that overlap a label; null when there are none. For the totals row: correct ÷ windows.</param>
/// <param name="Agrees">Of the correct windows the detector itself gave this kind, those that overlap a label of this kind (all kinds in the totals row).</param>
/// <param name="Agreement">Agrees ÷ those correct windows; null when there are none (always for the unlabelled row).</param>
public sealed record KindScore(string Kind, int Labelled, int Found, double? Recall, int Windows, int Correct, double? Precision, int Agrees = 0, double? Agreement = null);
