using AnomalyHunter.Investigation.Agents;
using AnomalyHunter.Investigation.Context;
using AnomalyHunter.Investigation.Job;
using AnomalyHunter.Investigation.OpenAI;
using AnomalyHunter.Investigation.Runbooks;
using AnomalyHunter.Lakehouse.Catalog.Investigation;
using AnomalyHunter.Scheduler.Hosting;

namespace AnomalyHunter.Scheduler.Configuration;

/// <summary>Turns the <c>Investigate</c> settings into the job's options, agents, runbooks and events (validating them).</summary>
internal static class InvestigateFactory
{
    public static InvestigateOptions Options(InvestigateSettings s)
    {
        var options = new InvestigateOptions
        {
            MinScore = s.MinScore,
            MaxCandidates = s.MaxCandidates,
            Parallelism = s.Parallelism,
            HistoryDays = s.HistoryDays,
            FollowDays = s.FollowDays,
            PeerLabels = [.. s.PeerLabels],
            MaxPeers = s.MaxPeers,
            Agents = s.Agents,
            Learning = s.Learning,
        };
        options.Validate();
        s.Llm.Validate();
        return options;
    }

    public static IInvestigationStore Store(AppHost host) => (IInvestigationStore)host.Catalog;

    /// <summary>The agents of a run; replays (<paramref name="allowNetwork"/> false) only read the model response cache.</summary>
    public static IReadOnlyList<IInvestigationAgent> Agents(AppHost host, AgentOptions agents, bool allowNetwork) =>
        LlmAgents.Create(host.Settings.Investigate.Llm, CandidateInvestigator.OfflineAgents(agents), Store(host), host.Time, host.Log, allowNetwork);

    public static Task<RunbookLibrary> RunbooksAsync(AppHost host, CancellationToken cancellationToken) =>
        RunbookLibrary.LoadAsync(host.Settings.Investigate.RunbooksDir, cancellationToken);

    public static async Task<IReadOnlyList<ChangeEvent>> EventsAsync(string? file, CancellationToken cancellationToken) =>
        file is null ? [] : await EventsFile.ReadAsync(Path.GetFullPath(file), cancellationToken);
}
