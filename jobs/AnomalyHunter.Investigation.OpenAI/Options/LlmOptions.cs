using System.Globalization;
using AnomalyHunter.Investigation.Agents;
using AnomalyHunter.Investigation.Llm;
using AnomalyHunter.Udfs.Options;

namespace AnomalyHunter.Investigation.OpenAI.Options;

/// <summary>Language-model agents. Bound from <c>Investigate:Llm</c>; with <see cref="Enabled"/> false (the default) every agent is offline.</summary>
public sealed record LlmOptions
{
    /// <summary>Default retries of a failed call (429, 5xx, network errors) by the SDK's retry policy.</summary>
    public const int DefaultMaxRetries = 2;

    /// <summary>Default time limit of one HTTP call, in seconds.</summary>
    public const double DefaultTimeoutSeconds = 60;

    /// <summary>Whether any agent may call a model.</summary>
    public bool Enabled { get; init; }

    /// <summary>The endpoints.</summary>
    public IReadOnlyList<LlmEndpointOptions> Endpoints { get; init; } = [];

    /// <summary>Agent name (<c>pattern-analyst</c>, <c>change-detective</c>, <c>root-cause</c>) → its model; agents not listed stay offline.</summary>
    public IReadOnlyDictionary<string, LlmAgentOptions> Agents { get; init; } = new Dictionary<string, LlmAgentOptions>();

    /// <summary>Most tokens per investigate run (0: unlimited).</summary>
    public long MaxTokensPerRun { get; init; }

    /// <summary>Most money per investigate run, in <see cref="Currency"/> (0: unlimited).</summary>
    public double MaxCostPerRun { get; init; }

    /// <summary>Currency of the price table.</summary>
    public string Currency { get; init; } = "USD";

    /// <summary>Model → price per million tokens.</summary>
    public IReadOnlyDictionary<string, ModelPrice> Prices { get; init; } = new Dictionary<string, ModelPrice>();

    /// <summary>Retries of a failed call (0 to 10; the SDK's own default of 4 makes an unreachable endpoint slow).</summary>
    public int MaxRetries { get; init; } = DefaultMaxRetries;

    /// <summary>Time limit of one HTTP call, in seconds (0.1 to 600).</summary>
    public double TimeoutSeconds { get; init; } = DefaultTimeoutSeconds;

    /// <summary>What may be sent.</summary>
    public RedactionPolicy Redaction { get; init; } = new();

    /// <summary>Throws <see cref="OptionsValidationException"/> naming the first setting outside its range.</summary>
    public void Validate()
    {
        if (MaxRetries is < 0 or > 10)
        {
            throw Invalid("MaxRetries", string.Create(CultureInfo.InvariantCulture, $"{MaxRetries} is outside the allowed range 0..10."));
        }

        if (TimeoutSeconds is < 0.1 or > 600 || double.IsNaN(TimeoutSeconds))
        {
            throw Invalid("TimeoutSeconds", string.Create(CultureInfo.InvariantCulture, $"{TimeoutSeconds} is outside the allowed range 0.1..600."));
        }

        if (MaxTokensPerRun < 0 || MaxCostPerRun < 0 || double.IsNaN(MaxCostPerRun))
        {
            throw Invalid("MaxTokensPerRun", "budgets must be 0 (unlimited) or positive.");
        }

        Redaction.Validate();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in Endpoints)
        {
            if (string.IsNullOrWhiteSpace(e.Name) || !names.Add(e.Name))
            {
                throw Invalid("Endpoints", $"every endpoint needs a unique Name ('{e.Name}').");
            }

            if (e.Kind is not ("openai" or "azure" or "compatible"))
            {
                throw Invalid("Endpoints:" + e.Name + ":Kind", $"'{e.Kind}' is not one of openai, azure, compatible.");
            }

            if (!Uri.TryCreate(e.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw Invalid("Endpoints:" + e.Name + ":Url", $"'{e.Url}' is not an absolute http(s) URL.");
            }
        }

        foreach (var (agent, a) in Agents)
        {
            if (!AgentNames.All.Contains(agent, StringComparer.Ordinal))
            {
                throw Invalid("Agents", $"'{agent}' is not one of {string.Join(", ", AgentNames.All)}.");
            }

            if (a.MaxOutputTokens is < 16 or > 32_000)
            {
                throw Invalid("Agents:" + agent + ":MaxOutputTokens", string.Create(CultureInfo.InvariantCulture, $"{a.MaxOutputTokens} is outside the allowed range 16..32000."));
            }

            foreach (string e in a.Endpoints.Where(e => !names.Contains(e)))
            {
                throw Invalid("Agents:" + agent + ":Endpoints", $"'{e}' is not the name of a configured endpoint.");
            }

            if (MaxCostPerRun > 0 && a.Model.Length > 0 && !Prices.ContainsKey(a.Model))
            {
                throw Invalid("Prices", $"model '{a.Model}' has no price, but MaxCostPerRun is set; add Prices:{a.Model}:InputPerMillion and OutputPerMillion.");
            }
        }
    }

    private static OptionsValidationException Invalid(string setting, string message) => new("Investigate:Llm:" + setting, message);
}
