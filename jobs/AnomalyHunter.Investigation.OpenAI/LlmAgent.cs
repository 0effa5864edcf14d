using System.ClientModel;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using AnomalyHunter.Investigation.Agents;
using AnomalyHunter.Investigation.Context;
using AnomalyHunter.Investigation.Findings;
using AnomalyHunter.Investigation.Llm;
using AnomalyHunter.Investigation.OpenAI.Options;
using AnomalyHunter.Lakehouse.Catalog.Investigation;

namespace AnomalyHunter.Investigation.OpenAI;

/// <summary>
/// An agent backed by a language model. It first runs its offline twin (whose evidence goes into the prompt), then: a cached
/// answer for the same prompt and inputs is reused; otherwise the series' data region selects an endpoint (none: nothing is
/// sent), the call must fit the run's budget, and the SDK retries a bounded number of times. Any failure, a malformed
/// answer or an exhausted budget falls back to the offline finding with the reason attached. Every call is recorded.
/// </summary>
internal sealed class LlmAgent : IInvestigationAgent
{
    private const int CharsPerToken = 4;
    private readonly IInvestigationAgent _offline;
    private readonly LlmAgentOptions _agent;
    private readonly LlmRunContext _run;
    private readonly (string Version, string Text) _prompt;

    public LlmAgent(IInvestigationAgent offline, LlmAgentOptions agent, LlmRunContext run)
    {
        _offline = offline;
        _agent = agent;
        _run = run;
        _prompt = PromptLibrary.For(offline.Name);
    }

    public string Name => _offline.Name;

    public string Version => _prompt.Version;

    public async Task<Finding> InvestigateAsync(InvestigationContext context, CancellationToken cancellationToken)
    {
        var offline = await _offline.InvestigateAsync(context, cancellationToken);
        string user = PromptPayload.Build(context, offline, _run.Redactor);
        string cacheKey = Hash(_prompt.Version + "\n" + _agent.Model + "\n" + _prompt.Text + "\n" + user + "\n" + FindingJson.Schema);
        var template = offline with { Source = FindingSources.Llm, Model = _agent.Model, PromptVersion = _prompt.Version, AgentVersion = _prompt.Version, CacheKey = cacheKey };
        string region = context.Target.Key.Region;
        var started = _run.Time.GetUtcNow();
        var clock = Stopwatch.StartNew();

        var cached = await _run.Store.GetCachedResponseAsync(cacheKey, cancellationToken);
        if (cached is not null)
        {
            await RecordAsync(context, string.Empty, region, cacheKey, 0, 0, 0, "cached", null, started, clock, cancellationToken);
            return Restore(LlmFindingParser.Parse(cached.ResponseJson, template));
        }

        if (!_run.AllowNetwork)
        {
            return offline with { FallbackReason = "replay: the model's answer is not in the cache, so the offline finding is used" };
        }

        var endpoint = Route(region);
        if (endpoint is null)
        {
            await RecordAsync(context, string.Empty, region, cacheKey, 0, 0, 0, "no-endpoint", $"no endpoint serves region {region}", started, clock, cancellationToken);
            return offline with { FallbackReason = $"no model endpoint serves data region {region}, so nothing was sent" };
        }

        long estimate = ((_prompt.Text.Length + user.Length + FindingJson.Schema.Length) / CharsPerToken) + _agent.MaxOutputTokens;
        var price = _run.Options.Prices.GetValueOrDefault(_agent.Model) ?? new ModelPrice();
        double reserveCost = price.Cost(estimate - _agent.MaxOutputTokens, _agent.MaxOutputTokens);
        if (!_run.Budget.TryReserve(estimate, reserveCost))
        {
            string why = Text.F($"the run's budget is exhausted ({_run.Budget.Tokens} of {_run.Budget.MaxTokens} tokens, {Text.N(_run.Budget.Cost, 4)} of {Text.N(_run.Budget.MaxCost, 4)} {_run.Options.Currency}; this call needs up to {estimate} tokens)");
            await RecordAsync(context, endpoint.Name, region, cacheKey, 0, 0, 0, "budget-exhausted", why, started, clock, cancellationToken);
            return offline with { FallbackReason = why };
        }

        ChatAnswer answer;
        try
        {
            answer = await _run.Transport.CompleteAsync(endpoint, _agent.Model, _prompt.Text, user, _agent.MaxOutputTokens, cancellationToken);
        }
        catch (Exception ex) when (ex is ClientResultException or HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            _run.Budget.Settle(estimate, reserveCost, 0, 0);
            string error = ex is ClientResultException cre ? $"HTTP {cre.Status}: {FirstLine(cre.Message)}" : ex is OperationCanceledException ? "timed out" : FirstLine(ex.Message);
            string why = $"endpoint {endpoint.Name} failed after {_run.Options.MaxRetries} retries ({error})";
            _run.Log.Warning("Agent {Agent} falls back to offline: {Reason}", Name, why);
            await RecordAsync(context, endpoint.Name, region, cacheKey, 0, 0, 0, "error", error, started, clock, cancellationToken);
            return offline with { FallbackReason = why };
        }

        double cost = price.Cost(answer.InputTokens, answer.OutputTokens);
        _run.Budget.Settle(estimate, reserveCost, answer.InputTokens + answer.OutputTokens, cost);
        Finding parsed;
        try
        {
            parsed = LlmFindingParser.Parse(answer.Content, template);
        }
        catch (FormatException ex)
        {
            await RecordAsync(context, endpoint.Name, region, cacheKey, answer.InputTokens, answer.OutputTokens, cost, "malformed", ex.Message, started, clock, cancellationToken);
            return offline with { FallbackReason = $"the answer of {_agent.Model} was malformed ({FirstLine(ex.Message)})" };
        }

        await _run.Store.PutCachedResponseAsync(new LlmCacheEntry(cacheKey, Name, _agent.Model, _prompt.Version, answer.Content, answer.InputTokens, answer.OutputTokens,
            _run.Time.GetUtcNow().ToUnixTimeMilliseconds()), cancellationToken);
        await RecordAsync(context, endpoint.Name, region, cacheKey, answer.InputTokens, answer.OutputTokens, cost, "ok", null, started, clock, cancellationToken);
        return Restore(parsed);
    }

    private LlmEndpointOptions? Route(string region)
    {
        var candidates = _agent.Endpoints.Count == 0
            ? _run.Options.Endpoints
            : [.. _agent.Endpoints.Select(n => _run.Options.Endpoints.First(e => e.Name == n))];
        return candidates.FirstOrDefault(e => e.Regions.Contains(region, StringComparer.Ordinal))
            ?? candidates.FirstOrDefault(e => e.Regions.Contains("*", StringComparer.Ordinal));
    }

    private Finding Restore(Finding finding)
    {
        string json = _run.Redactor.Restore(FindingJson.Serialize(finding));
        return FindingJson.Deserialize<Finding>(json);
    }

    private async Task RecordAsync(InvestigationContext context, string endpoint, string region, string sha, long input, long output, double cost, string outcome, string? error,
        DateTimeOffset started, Stopwatch clock, CancellationToken cancellationToken)
    {
        if (!_run.AllowNetwork)
        {
            return;
        }

        await _run.Store.RecordLlmCallAsync(new LlmCallRecord(0, context.RunId, context.Anomaly.AnomalyId, Name, endpoint, region, _agent.Model, _prompt.Version, sha,
            input, output, cost, outcome, error, started.ToUnixTimeMilliseconds(), clock.ElapsedMilliseconds), cancellationToken);
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string FirstLine(string text)
    {
        int nl = text.IndexOf('\n', StringComparison.Ordinal);
        return (nl < 0 ? text : text[..nl]).Trim();
    }
}
