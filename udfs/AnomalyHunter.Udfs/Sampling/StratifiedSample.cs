namespace AnomalyHunter.Udfs.Sampling;

/// <summary>The points chosen by <see cref="StratifiedSampler"/> and the error bounds of estimates made from them.</summary>
/// <param name="Indices">Selected point indices, ascending.</param>
/// <param name="Strata">Number of non-empty strata.</param>
/// <param name="QuantileRankError">Hoeffding bound on the rank error of one sample quantile (see <see cref="SampleErrorBounds"/>); 0 without sampling.</param>
/// <param name="MeanErrorPerUnitRange">Hoeffding bound on the error of a sample mean per unit of the values' range; 0 without sampling.</param>
public sealed record StratifiedSample(int[] Indices, int Strata, double QuantileRankError, double MeanErrorPerUnitRange);
