namespace AnomalyHunter.Quality.Nab;

/// <summary>The outcome of one profile over a corpus at its best corpus-wide threshold.</summary>
public sealed record NabResult(
    NabProfile Profile,
    double Threshold,
    double RawScore,
    double NormalizedScore,
    int Windows,
    int DetectedWindows,
    int FalsePositives,
    IReadOnlyList<NabCategoryResult> Categories);

/// <summary>The figures of one category at the corpus-wide threshold; the normalised score is NaN for a category without windows.</summary>
public sealed record NabCategoryResult(string Category, int Files, int Windows, int DetectedWindows, int FalsePositives, double RawScore, double NormalizedScore);
