using System.Globalization;
using AnomalyHunter.Investigation.Agents;
using AnomalyHunter.Investigation.Learning;
using AnomalyHunter.Udfs.Options;

namespace AnomalyHunter.Investigation.Job;

/// <summary>Settings of the investigate job. Bound from the <c>Investigate</c> configuration section.</summary>
public sealed record InvestigateOptions
{
    /// <summary>Default least peak score of a candidate.</summary>
    public const double DefaultMinScore = 50;

    /// <summary>Default most candidates per run (highest scores first).</summary>
    public const int DefaultMaxCandidates = 200;

    /// <summary>Default candidates investigated at once.</summary>
    public const int DefaultParallelism = 2;

    /// <summary>Default days of history read before a window.</summary>
    public const int DefaultHistoryDays = 10;

    /// <summary>Default days read after a window (to judge persistence).</summary>
    public const int DefaultFollowDays = 1;

    /// <summary>Default most related series examined by the root-cause agent.</summary>
    public const int DefaultMaxPeers = 60;

    /// <summary>Least peak score (0–100) of a candidate.</summary>
    public double MinScore { get; init; } = DefaultMinScore;

    /// <summary>Most candidates per run, highest score first (1 to 100000).</summary>
    public int MaxCandidates { get; init; } = DefaultMaxCandidates;

    /// <summary>Candidates investigated at once (1 to 64).</summary>
    public int Parallelism { get; init; } = DefaultParallelism;

    /// <summary>Days of history before a window (2 to 90).</summary>
    public int HistoryDays { get; init; } = DefaultHistoryDays;

    /// <summary>Days after a window (0 to 30).</summary>
    public int FollowDays { get; init; } = DefaultFollowDays;

    /// <summary>Labels whose shared value makes two series of a tenant and region related.</summary>
    public IReadOnlyList<string> PeerLabels { get; init; } = ["host", "service"];

    /// <summary>Most related series examined (0 to 10000).</summary>
    public int MaxPeers { get; init; } = DefaultMaxPeers;

    /// <summary>Thresholds of the offline agents.</summary>
    public AgentOptions Agents { get; init; } = new();

    /// <summary>Priors and gains of the learning rule.</summary>
    public LearningOptions Learning { get; init; } = new();

    /// <summary>Throws <see cref="OptionsValidationException"/> naming the first setting outside its range.</summary>
    public void Validate()
    {
        Check(MinScore is >= 0 and <= 100, "MinScore", MinScore, "0..100");
        Check(MaxCandidates is >= 1 and <= 100_000, "MaxCandidates", MaxCandidates, "1..100000");
        Check(Parallelism is >= 1 and <= 64, "Parallelism", Parallelism, "1..64");
        Check(HistoryDays is >= 2 and <= 90, "HistoryDays", HistoryDays, "2..90");
        Check(FollowDays is >= 0 and <= 30, "FollowDays", FollowDays, "0..30");
        Check(MaxPeers is >= 0 and <= 10_000, "MaxPeers", MaxPeers, "0..10000");
        Agents.Validate();
        Learning.Validate();
    }

    private static void Check(bool ok, string name, double value, string range)
    {
        if (!ok || double.IsNaN(value))
        {
            throw new OptionsValidationException("Investigate:" + name,
                string.Create(CultureInfo.InvariantCulture, $"{value} is outside the allowed range {range}."));
        }
    }
}
