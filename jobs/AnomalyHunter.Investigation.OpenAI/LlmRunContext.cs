using AnomalyHunter.Investigation.Llm;
using AnomalyHunter.Investigation.OpenAI.Options;
using AnomalyHunter.Lakehouse.Catalog.Investigation;
using Serilog;

namespace AnomalyHunter.Investigation.OpenAI;

/// <summary>What the LLM agents of one run share: settings, budget, redactor, transport, store, clock and log.</summary>
internal sealed record LlmRunContext(
    LlmOptions Options,
    LlmBudget Budget,
    Redactor Redactor,
    ChatTransport Transport,
    IInvestigationStore Store,
    TimeProvider Time,
    ILogger Log,
    bool AllowNetwork);
