using AnomalyHunter.Udfs.Multivariate;

namespace AnomalyHunter.Jobs.Detect;

/// <summary>The multivariate pass: series that share a label value (within one tenant and region) form a group scored by PCA.</summary>
/// <param name="Label">The label whose value groups series, e.g. <c>host</c>.</param>
/// <param name="Factory">The PCA scorer factory.</param>
/// <param name="MinSeries">Groups with fewer series are not scored.</param>
public sealed record GroupPassOptions(string Label, PcaGroupScorerFactory Factory, int MinSeries = GroupPassOptions.DefaultMinSeries)
{
    /// <summary>Default smallest group that is scored.</summary>
    public const int DefaultMinSeries = 3;
}
