namespace AnomalyHunter.Lakehouse.Catalog.Investigation;

/// <summary>One call (or a decision not to call) of a language model by an agent.</summary>
/// <param name="CallId">Sequential id (0 before it is stored).</param>
/// <param name="RunId">The investigate run.</param>
/// <param name="AnomalyId">The anomaly window under investigation.</param>
/// <param name="Agent">Agent name.</param>
/// <param name="Endpoint">Endpoint name (empty when nothing was sent).</param>
/// <param name="Region">Data region of the series.</param>
/// <param name="Model">Model name.</param>
/// <param name="PromptVersion">Version of the prompt file.</param>
/// <param name="RequestSha256">SHA-256 of the request body that was (or would have been) sent.</param>
/// <param name="PromptTokens">Input tokens billed.</param>
/// <param name="CompletionTokens">Output tokens billed.</param>
/// <param name="Cost">Cost from the price table, in the configured currency.</param>
/// <param name="Outcome"><c>ok</c>, <c>cached</c>, <c>budget-exhausted</c>, <c>no-endpoint</c>, <c>error</c> or <c>malformed</c>.</param>
/// <param name="Error">Error text, when any.</param>
/// <param name="StartedAtMs">When (UTC epoch ms).</param>
/// <param name="DurationMs">How long it took.</param>
public sealed record LlmCallRecord(
    long CallId,
    string RunId,
    string AnomalyId,
    string Agent,
    string Endpoint,
    string Region,
    string Model,
    string PromptVersion,
    string RequestSha256,
    long PromptTokens,
    long CompletionTokens,
    double Cost,
    string Outcome,
    string? Error,
    long StartedAtMs,
    long DurationMs);
