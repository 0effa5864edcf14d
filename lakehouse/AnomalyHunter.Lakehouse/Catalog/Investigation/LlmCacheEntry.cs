namespace AnomalyHunter.Lakehouse.Catalog.Investigation;

/// <summary>A cached model response, keyed by a hash of the prompt, the model and the inputs.</summary>
/// <param name="CacheKey">SHA-256 (hex) of prompt version, model, messages and response schema.</param>
/// <param name="Agent">Agent name.</param>
/// <param name="Model">Model name.</param>
/// <param name="PromptVersion">Version of the prompt file.</param>
/// <param name="ResponseJson">The structured response as received.</param>
/// <param name="PromptTokens">Input tokens of the original call.</param>
/// <param name="CompletionTokens">Output tokens of the original call.</param>
/// <param name="CreatedAtMs">When (UTC epoch ms).</param>
public sealed record LlmCacheEntry(
    string CacheKey,
    string Agent,
    string Model,
    string PromptVersion,
    string ResponseJson,
    long PromptTokens,
    long CompletionTokens,
    long CreatedAtMs);
