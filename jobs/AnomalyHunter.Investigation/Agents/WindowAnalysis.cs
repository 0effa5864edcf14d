using AnomalyHunter.Investigation.Statistics;

namespace AnomalyHunter.Investigation.Agents;

/// <summary>Measurements of one candidate window against its series' own seasonal history (shared by the offline agents).</summary>
internal sealed record WindowAnalysis
{
    public required long StepMs { get; init; }

    public required long StartMs { get; init; }

    public required long EndMs { get; init; }

    public required ResidualSeries Residuals { get; init; }

    public double Sigma => Residuals.Sigma;

    public long PeakMs { get; init; }

    public double PeakValue { get; init; } = double.NaN;

    public double PeakExpected { get; init; } = double.NaN;

    /// <summary>Signed peak deviation in sigmas.</summary>
    public double PeakZ { get; init; }

    /// <summary>Points in the window whose deviation exceeds half the peak's.</summary>
    public int ExcursionPoints { get; init; }

    public int ExpectedPoints { get; init; }

    public int PresentPoints { get; init; }

    public int MissingPoints { get; init; }

    public long GapFromMs { get; init; }

    public long GapToMs { get; init; }

    public double PreLevel { get; init; }

    public double PostLevel { get; init; }

    /// <summary>Whether there was data after the window to judge persistence.</summary>
    public bool PostAvailable { get; init; }

    /// <summary>(post − pre) / sigma.</summary>
    public double ShiftSigmas { get; init; }

    /// <summary>(median in window − pre) / sigma.</summary>
    public double WindowShiftSigmas { get; init; }

    public double VarianceRatio { get; init; } = 1;

    /// <summary>The window's residuals fitted to a changed daily pattern (windows of four hours or more).</summary>
    public DailyShape Seasonal { get; init; } = DailyShape.None;

    /// <summary>
    /// The residuals around the window (the better of the day up to its end and the day from its start, less a straight line)
    /// fitted to a changed daily pattern.
    /// </summary>
    public DailyShape DaySeasonal { get; init; } = DailyShape.None;

    /// <summary>The best ramp of the residuals from a day and a half before the window to half a day after it.</summary>
    public Drift Drift { get; init; } = Drift.None;

    public ChangeFitResult Change { get; init; } = ChangeFitResult.None;

    /// <summary>(step SSE − ramp SSE) / sigma².</summary>
    public double RampImprovement { get; init; }

    /// <summary>Range of the expected daily pattern (max − min over the day before the window).</summary>
    public double DailyRange { get; init; }

    /// <summary>Median value in the day before the window.</summary>
    public double BaselineLevel { get; init; }

    public required string Pattern { get; init; }

    /// <summary>Whether the day around the window (a changed daily pattern or a drift) named the pattern, not the window itself.</summary>
    public bool FromSurroundings { get; init; }

    /// <summary>How strong the pattern's key statistic is, in sigma-equivalents.</summary>
    public double Strength { get; init; }
}
