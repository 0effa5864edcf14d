using AnomalyHunter.Investigation.Agents;
using AnomalyHunter.Investigation.Job;
using AnomalyHunter.Investigation.Learning;
using AnomalyHunter.Investigation.OpenAI.Options;

namespace AnomalyHunter.Scheduler.Configuration;

/// <summary>The <c>Investigate</c> section: candidates, context, agents, learning, runbooks, events and language models.</summary>
internal sealed class InvestigateSettings
{
    /// <summary>Least peak score of a candidate.</summary>
    public double MinScore { get; set; } = InvestigateOptions.DefaultMinScore;

    /// <summary>Most candidates per run.</summary>
    public int MaxCandidates { get; set; } = InvestigateOptions.DefaultMaxCandidates;

    /// <summary>Candidates investigated at once.</summary>
    public int Parallelism { get; set; } = InvestigateOptions.DefaultParallelism;

    /// <summary>Days of history read before a window.</summary>
    public int HistoryDays { get; set; } = InvestigateOptions.DefaultHistoryDays;

    /// <summary>Days read after a window.</summary>
    public int FollowDays { get; set; } = InvestigateOptions.DefaultFollowDays;

    /// <summary>Labels whose shared value makes series related.</summary>
    public List<string> PeerLabels { get; set; } = ["host", "service"];

    /// <summary>Most related series examined.</summary>
    public int MaxPeers { get; set; } = InvestigateOptions.DefaultMaxPeers;

    /// <summary>Optional events file (deployments, configuration changes): JSON or CSV.</summary>
    public string? EventsFile { get; set; }

    /// <summary>Optional folder of extra runbooks (*.yaml); same ids replace the shipped ones.</summary>
    public string? RunbooksDir { get; set; }

    /// <summary>Thresholds of the offline agents.</summary>
    public AgentOptions Agents { get; set; } = new();

    /// <summary>Priors and gains of the learning rule.</summary>
    public LearningOptions Learning { get; set; } = new();

    /// <summary>Language-model agents (off by default).</summary>
    public LlmOptions Llm { get; set; } = new();
}
