using AnomalyHunter.Investigation.Context;
using AnomalyHunter.Investigation.Findings;

namespace AnomalyHunter.Investigation.Agents;

/// <summary>An investigation agent: examines one candidate and returns a structured finding.</summary>
public interface IInvestigationAgent
{
    /// <summary>Agent name, such as <c>pattern-analyst</c>.</summary>
    string Name { get; }

    /// <summary>Version of the agent's logic or prompt; recorded in every verdict for replay.</summary>
    string Version { get; }

    /// <summary>Examines <paramref name="context"/> and returns the finding.</summary>
    Task<Finding> InvestigateAsync(InvestigationContext context, CancellationToken cancellationToken);
}
