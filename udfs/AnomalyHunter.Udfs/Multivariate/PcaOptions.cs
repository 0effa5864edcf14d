using System.Globalization;
using AnomalyHunter.Udfs.Options;
using AnomalyHunter.Udfs.Sampling;

namespace AnomalyHunter.Udfs.Multivariate;

/// <summary>Settings of the multivariate PCA pass over a group of series aligned on timestamps.</summary>
public sealed record PcaOptions
{
    /// <summary>Default share of the standardised variance the kept components must explain.</summary>
    public const double DefaultExplainedVariance = 0.9;

    /// <summary>Default cap on kept components; 0 means no cap other than columns − 1.</summary>
    public const int DefaultMaxComponents = 0;

    /// <summary>Default number of rows before the first fit.</summary>
    public const int DefaultMinRows = 50;

    /// <summary>Default spacing in absolute row counts of refits once the doubling phase is over.</summary>
    public const int DefaultRefitEvery = 1024;

    /// <summary>Default clip of standardised values before the covariance, in robust standard deviations.</summary>
    public const double DefaultWinsorize = 6.0;

    /// <summary>Default floor of eigenvalues, relative to the largest, below which a component carries no variance.</summary>
    public const double DefaultRelativeEigenFloor = 1e-10;

    /// <summary>Default squared prediction error (standardised units) treated as exactly zero.</summary>
    public const double DefaultSpeTolerance = 1e-9;

    /// <summary>Default floor of a column's scale relative to its centre's magnitude, which keeps constant columns finite.</summary>
    public const double DefaultRelativeScaleFloor = 1e-9;

    /// <summary>Share of variance explained by the kept components: the smallest k reaching it (at most columns − 1 and <see cref="MaxComponents"/>); 0.5 to 0.999.</summary>
    public double ExplainedVariance { get; init; } = DefaultExplainedVariance;

    /// <summary>Cap on kept components; 0 (none) to 1000.</summary>
    public int MaxComponents { get; init; } = DefaultMaxComponents;

    /// <summary>Rows (with at least one finite value) before the first fit; rows before it score 0; 5 to 100000.</summary>
    public int MinRows { get; init; } = DefaultMinRows;

    /// <summary>Refit spacing in absolute row counts (earlier refits at MinRows·2^k); 16 to 10000000.</summary>
    public int RefitEvery { get; init; } = DefaultRefitEvery;

    /// <summary>Clip of standardised values entering the covariance; 2 to 1000.</summary>
    public double Winsorize { get; init; } = DefaultWinsorize;

    /// <summary>Relative eigenvalue floor; 0 to 0.001.</summary>
    public double RelativeEigenFloor { get; init; } = DefaultRelativeEigenFloor;

    /// <summary>SPE treated as zero; 0 to 0.01.</summary>
    public double SpeTolerance { get; init; } = DefaultSpeTolerance;

    /// <summary>Relative floor of a column's scale; 0 to 0.01.</summary>
    public double RelativeScaleFloor { get; init; } = DefaultRelativeScaleFloor;

    /// <summary>Number of rows a window-opening group score is corrected for (Bonferroni; the row scores themselves are per row): the default threshold then marks rows rarer than once per 100 × this many normal rows; 1 to 1e9.</summary>
    public double DeviationFamily { get; init; } = Detection.ScoreScale.DefaultDeviationFamily;

    /// <summary>The bounded history the model is fitted on: a stratified sample of at most Budget rows over the last TimeBlocks blocks.</summary>
    public StratifiedSampleOptions Sampling { get; init; } = new();

    /// <summary>Throws <see cref="OptionsValidationException"/> naming the first setting outside its allowed range.</summary>
    public void Validate()
    {
        Check(ExplainedVariance is >= 0.5 and <= 0.999, "ExplainedVariance", ExplainedVariance, "0.5..0.999");
        Check(MaxComponents is >= 0 and <= 1000, "MaxComponents", MaxComponents, "0..1000");
        Check(MinRows is >= 5 and <= 100_000, "MinRows", MinRows, "5..100000");
        Check(RefitEvery is >= 16 and <= 10_000_000, "RefitEvery", RefitEvery, "16..10000000");
        Check(Winsorize is >= 2.0 and <= 1000.0, "Winsorize", Winsorize, "2..1000");
        Check(RelativeEigenFloor is >= 0.0 and <= 1e-3, "RelativeEigenFloor", RelativeEigenFloor, "0..0.001");
        Check(SpeTolerance is >= 0.0 and <= 0.01, "SpeTolerance", SpeTolerance, "0..0.01");
        Check(RelativeScaleFloor is >= 0.0 and <= 0.01, "RelativeScaleFloor", RelativeScaleFloor, "0..0.01");
        Check(DeviationFamily is >= 1.0 and <= 1e9, "DeviationFamily", DeviationFamily, "1..1e9");
        Sampling.Validate();
        Check(Sampling.Budget >= MinRows, "Sampling:Budget", Sampling.Budget, "MinRows..10000000");
    }

    /// <summary>A stable text of every setting, for fingerprints.</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"ev{ExplainedVariance:R}/mc{MaxComponents}/mr{MinRows}/re{RefitEvery}/w{Winsorize:R}/ef{RelativeEigenFloor:R}/st{SpeTolerance:R}/sf{RelativeScaleFloor:R}/df{DeviationFamily:R}/{Sampling.Describe()}");

    private static void Check(bool ok, string name, double value, string range)
    {
        if (!ok)
        {
            throw new OptionsValidationException(
                "Pca:" + name,
                string.Create(CultureInfo.InvariantCulture, $"{value} is outside the allowed range {range}."));
        }
    }
}
