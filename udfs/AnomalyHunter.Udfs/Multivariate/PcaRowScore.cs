namespace AnomalyHunter.Udfs.Multivariate;

/// <summary>The PCA statistics of one row and their calibrated 0–100 scores (see the ScoreScale contract).</summary>
/// <param name="Score">Combined score: twice the smaller of the two tail probabilities (Bonferroni), on the score scale.</param>
/// <param name="T2">Hotelling T² in the kept components.</param>
/// <param name="Spe">Squared prediction error (Q) outside the kept components, in standardised units.</param>
/// <param name="T2Score">Score of T² alone (F limit).</param>
/// <param name="SpeScore">Score of the SPE alone (Jackson–Mudholkar).</param>
public readonly record struct PcaRowScore(double Score, double T2, double Spe, double T2Score, double SpeScore);
