using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using AnomalyHunter.Investigation.Findings;
using AnomalyHunter.Investigation.OpenAI.Options;
using AnomalyHunter.Udfs.Options;
using OpenAI;
using OpenAI.Chat;

namespace AnomalyHunter.Investigation.OpenAI;

/// <summary>Chat completions with JSON-schema structured output through the official OpenAI SDK, with an explicit retry policy and time limit.</summary>
internal sealed class ChatTransport
{
    private readonly LlmOptions _options;
    private readonly ConcurrentDictionary<(string Endpoint, string Model), ChatClient> _clients = new();

    public ChatTransport(LlmOptions options) => _options = options;

    public async Task<ChatAnswer> CompleteAsync(LlmEndpointOptions endpoint, string model, string system, string user, int maxOutputTokens, CancellationToken cancellationToken)
    {
        var client = _clients.GetOrAdd((endpoint.Name, model), _ => Create(endpoint, model));
        var options = new ChatCompletionOptions
        {
            ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat("finding", BinaryData.FromString(FindingJson.Schema), "An investigation finding", jsonSchemaIsStrict: true),
            MaxOutputTokenCount = maxOutputTokens,
        };
        ChatMessage[] messages = [new SystemChatMessage(system), new UserChatMessage(user)];
        ClientResult<ChatCompletion> result = await client.CompleteChatAsync(messages, options, cancellationToken);
        var completion = result.Value;
        string content = completion.Content.Count > 0 ? completion.Content[0].Text : string.Empty;
        return new ChatAnswer(content, completion.Usage?.InputTokenCount ?? 0, completion.Usage?.OutputTokenCount ?? 0);
    }

    private ChatClient Create(LlmEndpointOptions e, string model)
    {
        string key = e.ApiKeyVariable is null
            ? "not-needed"
            : Environment.GetEnvironmentVariable(e.ApiKeyVariable)
              ?? throw new OptionsValidationException("Investigate:Llm:Endpoints:" + e.Name + ":ApiKeyVariable", $"the environment variable {e.ApiKeyVariable} is not set.");
        var options = new OpenAIClientOptions
        {
            Endpoint = new Uri(e.Url),
            // why: the SDK's default policy retries 4 times with back-off, so a dead endpoint would stall the run.
            RetryPolicy = new ClientRetryPolicy(_options.MaxRetries),
            NetworkTimeout = TimeSpan.FromSeconds(_options.TimeoutSeconds),
        };
        if (e.Kind == "azure")
        {
            options.AddPolicy(new ApiKeyHeaderPolicy(key), PipelinePosition.PerCall);
        }

        return new ChatClient(model, new ApiKeyCredential(key), options);
    }
}
