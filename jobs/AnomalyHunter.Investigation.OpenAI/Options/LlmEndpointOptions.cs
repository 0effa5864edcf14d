namespace AnomalyHunter.Investigation.OpenAI.Options;

/// <summary>One model endpoint: OpenAI, Azure OpenAI, or any server that speaks the OpenAI chat-completions protocol (vLLM, Ollama, …).</summary>
public sealed record LlmEndpointOptions
{
    /// <summary>Name used in routing and call records.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary><c>openai</c>, <c>azure</c> (sends the key as the <c>api-key</c> header to an Azure OpenAI v1 endpoint) or <c>compatible</c>.</summary>
    public string Kind { get; init; } = "openai";

    /// <summary>Base URL, such as <c>https://api.openai.com/v1</c>, <c>https://NAME.openai.azure.com/openai/v1/</c> or <c>http://127.0.0.1:11434/v1</c>.</summary>
    public string Url { get; init; } = string.Empty;

    /// <summary>Environment variable that holds the API key (keys are never put in configuration files).</summary>
    public string? ApiKeyVariable { get; init; }

    /// <summary>Data regions this endpoint may receive data from; <c>*</c> for all. A region no endpoint lists is never sent out.</summary>
    public IReadOnlyList<string> Regions { get; init; } = [];
}
