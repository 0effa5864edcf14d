using AnomalyHunter.Investigation.Agents;
using AnomalyHunter.Investigation.Context;
using AnomalyHunter.Investigation.Findings;
using AnomalyHunter.Investigation.Job;
using AnomalyHunter.Investigation.Llm;
using AnomalyHunter.Investigation.OpenAI;
using AnomalyHunter.Investigation.OpenAI.Options;
using AnomalyHunter.Investigation.Tests.Support;
using AnomalyHunter.Synthetic.Model;
using Serilog;

namespace AnomalyHunter.Investigation.Tests.Llm;

public sealed class LlmAgentTests : IAsyncLifetime
{
    private const string Model = "test-model";
    private LoopbackChatServer? _server;
    private TempCatalog? _catalog;

    private LoopbackChatServer Server => _server!;

    private TempCatalog Store => _catalog!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackChatServer.StartAsync();
        _catalog = await TempCatalog.CreateAsync();
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await Store.DisposeAsync();
    }

    [Fact]
    public async Task A_configured_model_answers_in_the_finding_schema_and_the_call_is_recorded()
    {
        var agent = Agent(Options());
        var finding = await agent.InvestigateAsync(Case(0), CancellationToken.None);

        Assert.Equal(FindingSources.Llm, finding.Source);
        Assert.Equal(Model, finding.Model);
        Assert.Equal("pattern-analyst.v1", finding.PromptVersion);
        Assert.Null(finding.FallbackReason);
        Assert.Contains(Case(0).Target.Key.Canonical, finding.Claim, StringComparison.Ordinal);
        var call = Assert.Single(await Store.Catalog.ListLlmCallsAsync("run-1", CancellationToken.None));
        Assert.Equal(("ok", 1000L, 200L, "local"), (call.Outcome, call.PromptTokens, call.CompletionTokens, call.Endpoint));
        Assert.Equal((1000 * 1.0 + 200 * 2.0) / 1_000_000, call.Cost, 12);
        Assert.Equal(64, call.RequestSha256.Length);
    }

    [Fact]
    public async Task The_cache_prevents_repeat_calls_for_the_same_prompt_and_inputs()
    {
        var first = await Agent(Options()).InvestigateAsync(Case(0), CancellationToken.None);
        var second = await Agent(Options()).InvestigateAsync(Case(0), CancellationToken.None);

        Assert.Equal(1, Server.Requests);
        Assert.Equal(FindingJson.Serialize(first), FindingJson.Serialize(second));
        var calls = await Store.Catalog.ListLlmCallsAsync("run-1", CancellationToken.None);
        Assert.Equal(["ok", "cached"], calls.Select(c => c.Outcome));
        Assert.Equal(0, calls[1].Cost);
    }

    [Fact]
    public async Task The_budget_stops_calls_and_the_agent_falls_back_to_its_offline_finding()
    {
        // A call reserves its estimate (a few thousand tokens) and then uses what the server reports (8,200 here): one fits, two do not.
        Server.Enqueue(ScriptedReply.Finding() with { PromptTokens = 8_000 });
        var options = Options() with { MaxTokensPerRun = 9_000 };
        var agent = Agent(options);
        var first = await agent.InvestigateAsync(Case(0), CancellationToken.None);
        var second = await agent.InvestigateAsync(Case(1), CancellationToken.None);

        Assert.Equal(FindingSources.Llm, first.Source);
        Assert.Equal(FindingSources.Offline, second.Source);
        Assert.Contains("budget is exhausted", second.FallbackReason, StringComparison.Ordinal);
        Assert.Equal(1, Server.Requests);
        Assert.Equal(["ok", "budget-exhausted"], (await Store.Catalog.ListLlmCallsAsync("run-1", CancellationToken.None)).Select(c => c.Outcome));
    }

    [Fact]
    public async Task A_money_budget_with_the_price_table_stops_calls_too()
    {
        var options = Options() with { MaxCostPerRun = 0.000_001 };
        var finding = await Agent(options).InvestigateAsync(Case(0), CancellationToken.None);
        Assert.Contains("budget is exhausted", finding.FallbackReason, StringComparison.Ordinal);
        Assert.Equal(0, Server.Requests);
    }

    [Fact]
    public async Task Redacted_label_values_never_appear_in_a_request_body_and_answers_are_mapped_back()
    {
        var options = Options() with
        {
            Agents = new Dictionary<string, LlmAgentOptions>
            {
                [AgentNames.PatternAnalyst] = new() { Model = Model },
                [AgentNames.ChangeDetective] = new() { Model = Model },
                [AgentNames.RootCause] = new() { Model = Model },
            },
        };
        var context = Case(0);
        var agents = LlmAgents.Create(options, CandidateInvestigator.OfflineAgents(new AgentOptions()), Store.Catalog, TimeProvider.System, Log(), allowNetwork: true);
        var findings = await Task.WhenAll(agents.Select(a => a.InvestigateAsync(context, CancellationToken.None)));

        Assert.Equal(3, Server.Requests);
        var secrets = context.Peers.Select(p => p.Key).Append(context.Target.Key).SelectMany(k => new[] { k.Tenant, k.Label("host")! }).Distinct().ToList();
        Assert.NotEmpty(secrets);
        foreach (string body in Server.Bodies)
        {
            foreach (string secret in secrets)
            {
                Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
            }

            Assert.Contains("host-", body, StringComparison.Ordinal);
        }

        Assert.All(findings, f => Assert.Contains(context.Target.Key.Canonical, f.Claim, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_region_without_an_endpoint_sends_nothing()
    {
        var options = Options() with { Endpoints = [Endpoint() with { Regions = ["nowhere-1"] }] };
        var finding = await Agent(options).InvestigateAsync(Case(0), CancellationToken.None);

        Assert.Equal(0, Server.Requests);
        Assert.Equal(FindingSources.Offline, finding.Source);
        Assert.Contains("nothing was sent", finding.FallbackReason, StringComparison.Ordinal);
        Assert.Equal("no-endpoint", Assert.Single(await Store.Catalog.ListLlmCallsAsync("run-1", CancellationToken.None)).Outcome);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    public async Task An_http_error_without_retries_falls_back_and_says_why(int status)
    {
        Server.Enqueue(ScriptedReply.Error(status));
        var finding = await Agent(Options()).InvestigateAsync(Case(0), CancellationToken.None);

        Assert.Equal(1, Server.Requests);
        Assert.Equal(FindingSources.Offline, finding.Source);
        Assert.Contains($"HTTP {status}", finding.FallbackReason, StringComparison.Ordinal);
        Assert.Equal("error", Assert.Single(await Store.Catalog.ListLlmCallsAsync("run-1", CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task Retries_are_bounded_by_the_setting()
    {
        Server.Enqueue(ScriptedReply.Error(500), ScriptedReply.Error(429), ScriptedReply.Error(500));
        var finding = await Agent(Options() with { MaxRetries = 2 }).InvestigateAsync(Case(0), CancellationToken.None);
        Assert.Equal(3, Server.Requests);
        Assert.Equal(FindingSources.Offline, finding.Source);

        Server.Enqueue(ScriptedReply.Error(500));
        var recovered = await Agent(Options() with { MaxRetries = 1 }).InvestigateAsync(Case(1), CancellationToken.None);
        Assert.Equal(5, Server.Requests);
        Assert.Equal(FindingSources.Llm, recovered.Source);
    }

    [Fact]
    public async Task A_timeout_falls_back_quickly()
    {
        Server.Enqueue(ScriptedReply.Slow(TimeSpan.FromSeconds(20)));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var finding = await Agent(Options() with { TimeoutSeconds = 0.5 }).InvestigateAsync(Case(0), CancellationToken.None);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal(FindingSources.Offline, finding.Source);
        Assert.Contains("timed out", finding.FallbackReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_falls_back_and_is_not_cached()
    {
        Server.Enqueue(ScriptedReply.Malformed());
        var finding = await Agent(Options()).InvestigateAsync(Case(0), CancellationToken.None);
        Assert.Contains("malformed", finding.FallbackReason, StringComparison.Ordinal);
        Assert.Equal("malformed", Assert.Single(await Store.Catalog.ListLlmCallsAsync("run-1", CancellationToken.None)).Outcome);

        var again = await Agent(Options()).InvestigateAsync(Case(0), CancellationToken.None);
        Assert.Equal(FindingSources.Llm, again.Source);
        Assert.Equal(2, Server.Requests);
    }

    [Fact]
    public async Task Replays_read_the_cache_and_never_call_the_model()
    {
        await Agent(Options()).InvestigateAsync(Case(0), CancellationToken.None);
        var replayAgents = LlmAgents.Create(Options(), CandidateInvestigator.OfflineAgents(new AgentOptions()), Store.Catalog, TimeProvider.System, Log(), allowNetwork: false);
        var cached = await replayAgents[0].InvestigateAsync(Case(0), CancellationToken.None);
        var missing = await replayAgents[0].InvestigateAsync(Case(1), CancellationToken.None);

        Assert.Equal(1, Server.Requests);
        Assert.Equal(FindingSources.Llm, cached.Source);
        Assert.Contains("not in the cache", missing.FallbackReason, StringComparison.Ordinal);
    }

    private static ILogger Log() => new LoggerConfiguration().CreateLogger();

    private static InvestigationContext Case(int index)
    {
        var data = SyntheticCases.Dataset(1);
        var label = data.Labels.Where(l => l.Kind == AnomalyKind.Spike).ElementAt(index);
        var member = label.Members[0];
        return SyntheticCases.Context(data, member, SyntheticCases.Peers(data, member.SeriesKey)) with { RunId = "run-1" };
    }

    private LlmEndpointOptions Endpoint() => new() { Name = "local", Kind = "compatible", Url = Server.BaseUrl, Regions = ["*"] };

    private LlmOptions Options() => new()
    {
        Enabled = true,
        Endpoints = [Endpoint()],
        Agents = new Dictionary<string, LlmAgentOptions> { [AgentNames.PatternAnalyst] = new() { Model = Model } },
        Prices = new Dictionary<string, ModelPrice> { [Model] = new() { InputPerMillion = 1, OutputPerMillion = 2 } },
        MaxRetries = 0,
        TimeoutSeconds = 10,
    };

    private IInvestigationAgent Agent(LlmOptions options) =>
        LlmAgents.Create(options, CandidateInvestigator.OfflineAgents(new AgentOptions()), Store.Catalog, TimeProvider.System, Log(), allowNetwork: true)[0];
}
