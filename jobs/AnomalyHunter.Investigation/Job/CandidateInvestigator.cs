using AnomalyHunter.Investigation.Agents;
using AnomalyHunter.Investigation.Context;
using AnomalyHunter.Investigation.Findings;
using AnomalyHunter.Investigation.Learning;
using AnomalyHunter.Investigation.Runbooks;
using AnomalyHunter.Investigation.Verdicts;

namespace AnomalyHunter.Investigation.Job;

/// <summary>Runs the agents on one context, in parallel, and synthesizes the verdict.</summary>
public sealed class CandidateInvestigator
{
    private readonly IReadOnlyList<IInvestigationAgent> _agents;
    private readonly VerdictSynthesizer _synthesizer;
    private readonly InvestigateOptions _options;

    /// <summary>Creates the investigator with the agents to run (one per name).</summary>
    public CandidateInvestigator(IReadOnlyList<IInvestigationAgent> agents, LearningRule rule, InvestigateOptions options)
    {
        _agents = agents;
        _synthesizer = new VerdictSynthesizer(rule);
        _options = options;
    }

    /// <summary>The offline agents configured by <paramref name="options"/>.</summary>
    public static IReadOnlyList<IInvestigationAgent> OfflineAgents(AgentOptions options) =>
        [new PatternAnalystAgent(options), new ChangeDetectiveAgent(options), new RootCauseAgent(options)];

    /// <summary>Investigates and returns the verdict.</summary>
    public async Task<Verdict> InvestigateAsync(
        InvestigationContext context,
        string runId,
        DateTimeOffset createdAt,
        string detectorConfigHash,
        LearningState learning,
        RunbookLibrary runbooks,
        IReadOnlyDictionary<string, RunbookOutcome> outcomes,
        CancellationToken cancellationToken)
    {
        var findings = await Task.WhenAll(_agents.Select(a => a.InvestigateAsync(context, cancellationToken)));
        var manifest = new ReplayManifest
        {
            SnapshotId = context.SnapshotId,
            Detector = context.Anomaly.Consumer,
            DetectorConfigHash = detectorConfigHash,
            AgentVersions = findings.ToDictionary(f => f.Agent, f => f.AgentVersion, StringComparer.Ordinal),
            PromptVersions = findings.Where(f => f.PromptVersion is not null).ToDictionary(f => f.Agent, f => f.PromptVersion!, StringComparer.Ordinal),
            Models = findings.Where(f => f.Model is not null).ToDictionary(f => f.Agent, f => f.Model!, StringComparer.Ordinal),
            LearningVersion = learning.Version,
            InputsSha256 = ContextBuilder.InputsHash(context),
            RunbooksSha256 = runbooks.Sha256,
            RunbookOutcomes = outcomes,
            OptionsJson = FindingJson.Serialize(_options),
        };
        return _synthesizer.Synthesize(new SynthesisInput
        {
            Anomaly = context.Anomaly,
            Key = context.Target.Key,
            RunId = runId,
            CreatedAt = createdAt,
            Findings = findings,
            Learning = learning,
            Runbooks = runbooks,
            RunbookOutcomes = outcomes,
            Manifest = manifest,
        });
    }
}
