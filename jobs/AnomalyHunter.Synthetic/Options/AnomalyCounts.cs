using AnomalyHunter.Synthetic.Model;

namespace AnomalyHunter.Synthetic.Options;

/// <summary>How many anomalies of each kind are injected; the defaults suit the demo configuration.</summary>
public sealed record AnomalyCounts
{
    /// <summary>Largest count accepted for one kind.</summary>
    public const int MaxPerKind = 1_000_000;

    /// <summary>No anomalies at all (clean data, for baselines and benchmarks of normal behaviour).</summary>
    public static AnomalyCounts None { get; } = new()
    {
        Spike = 0,
        Dip = 0,
        LevelShift = 0,
        TrendChange = 0,
        VarianceChange = 0,
        SeasonalityBreak = 0,
        MissingData = 0,
        CorrelatedIncident = 0,
    };

    /// <summary>Spikes; default 10.</summary>
    public int Spike { get; init; } = 10;

    /// <summary>Dips; default 6.</summary>
    public int Dip { get; init; } = 6;

    /// <summary>Persistent level shifts; default 5.</summary>
    public int LevelShift { get; init; } = 5;

    /// <summary>Trend changes; default 4.</summary>
    public int TrendChange { get; init; } = 4;

    /// <summary>Variance changes; default 5.</summary>
    public int VarianceChange { get; init; } = 5;

    /// <summary>Seasonality breaks; default 4.</summary>
    public int SeasonalityBreak { get; init; } = 4;

    /// <summary>Missing-data gaps; default 5.</summary>
    public int MissingData { get; init; } = 5;

    /// <summary>Correlated incidents; default 5.</summary>
    public int CorrelatedIncident { get; init; } = 5;

    /// <summary>Total over all kinds.</summary>
    public int Total => AnomalyKindNames.All.Sum(Get);

    /// <summary>Returns the count for <paramref name="kind"/>.</summary>
    public int Get(AnomalyKind kind) => kind switch
    {
        AnomalyKind.Spike => Spike,
        AnomalyKind.Dip => Dip,
        AnomalyKind.LevelShift => LevelShift,
        AnomalyKind.TrendChange => TrendChange,
        AnomalyKind.VarianceChange => VarianceChange,
        AnomalyKind.SeasonalityBreak => SeasonalityBreak,
        AnomalyKind.MissingData => MissingData,
        AnomalyKind.CorrelatedIncident => CorrelatedIncident,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown anomaly kind."),
    };

    /// <summary>Returns a copy where every count is multiplied by <paramref name="factor"/> and rounded.</summary>
    public AnomalyCounts Scale(double factor) => new()
    {
        Spike = (int)Math.Round(Spike * factor),
        Dip = (int)Math.Round(Dip * factor),
        LevelShift = (int)Math.Round(LevelShift * factor),
        TrendChange = (int)Math.Round(TrendChange * factor),
        VarianceChange = (int)Math.Round(VarianceChange * factor),
        SeasonalityBreak = (int)Math.Round(SeasonalityBreak * factor),
        MissingData = (int)Math.Round(MissingData * factor),
        CorrelatedIncident = (int)Math.Round(CorrelatedIncident * factor),
    };

    /// <summary>Throws <see cref="SyntheticOptionsException"/> when a count is outside 0..<see cref="MaxPerKind"/>.</summary>
    public void Validate()
    {
        foreach (AnomalyKind kind in AnomalyKindNames.All)
        {
            int count = Get(kind);
            if (count is < 0 or > MaxPerKind)
            {
                throw new SyntheticOptionsException(
                    "Synthetic:Anomalies:" + kind,
                    string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{count} is outside the allowed range 0..{MaxPerKind}."));
            }
        }
    }
}
