using AnomalyHunter.Investigation.Agents;
using AnomalyHunter.Investigation.Llm;
using AnomalyHunter.Investigation.OpenAI.Options;
using AnomalyHunter.Lakehouse.Catalog.Investigation;
using Serilog;

namespace AnomalyHunter.Investigation.OpenAI;

/// <summary>Builds the agents of a run: each offline agent is wrapped by an LLM agent when a model is configured for it.</summary>
public static class LlmAgents
{
    /// <summary>
    /// The agents for one run (one shared budget). With <paramref name="allowNetwork"/> false (replays) the LLM agents only
    /// read the response cache and never call a model.
    /// </summary>
    public static IReadOnlyList<IInvestigationAgent> Create(
        LlmOptions options,
        IReadOnlyList<IInvestigationAgent> offline,
        IInvestigationStore store,
        TimeProvider time,
        ILogger log,
        bool allowNetwork)
    {
        options.Validate();
        if (!options.Enabled)
        {
            return offline;
        }

        var run = new LlmRunContext(options, new LlmBudget(options.MaxTokensPerRun, options.MaxCostPerRun), new Redactor(options.Redaction),
            new ChatTransport(options), store, time, log, allowNetwork);
        return [.. offline.Select(a => options.Agents.TryGetValue(a.Name, out var cfg) && cfg.Model.Length > 0
            ? new LlmAgent(a, cfg, run)
            : a)];
    }
}
