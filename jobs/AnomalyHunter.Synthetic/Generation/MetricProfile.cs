using AnomalyHunter.Synthetic.Model;

namespace AnomalyHunter.Synthetic.Generation;

/// <summary>The model of normal behaviour of one metric: ranges from which each series draws its parameters.</summary>
internal sealed record MetricProfile
{
    public required string Name { get; init; }

    public required string Unit { get; init; }

    public required NoiseShape Noise { get; init; }

    public required DailyShape Shape { get; init; }

    /// <summary>Local hour of the daily peak.</summary>
    public required double PeakHour { get; init; }

    public required (double Min, double Max) Level { get; init; }

    /// <summary>Daily amplitude as a fraction of the level.</summary>
    public required (double Min, double Max) DailyAmplitude { get; init; }

    /// <summary>Weekend drop as a fraction of the level.</summary>
    public required (double Min, double Max) WeeklyAmplitude { get; init; }

    /// <summary>Noise scale: value units (Gaussian), fraction of the level (Gaussian with <see cref="NoiseFractionOfLevel"/>), fraction of the mean (heavy-tailed), or the overdispersion fraction (counts).</summary>
    public required (double Min, double Max) NoiseScale { get; init; }

    public bool NoiseFractionOfLevel { get; init; }

    /// <summary>Lag-one autocorrelation of the noise.</summary>
    public required double Autocorrelation { get; init; }

    /// <summary>Slow trend as a fraction of the level per week.</summary>
    public required (double Min, double Max) TrendPerWeek { get; init; }

    public required double Lower { get; init; }

    public required double Upper { get; init; }

    /// <summary>Decimal places kept in the values.</summary>
    public required int Decimals { get; init; }

    /// <summary>True when the value is a per-second rate of counts over the step; false for a per-sample gauge.</summary>
    public bool PerSecond { get; init; }

    /// <summary>Direction (+1 or −1) in which this metric moves in a host incident that another metric started.</summary>
    public int IncidentDirection { get; init; } = 1;

    /// <summary>Kinds that may be injected into series of this metric.</summary>
    public required IReadOnlySet<AnomalyKind> Eligible { get; init; }
}
