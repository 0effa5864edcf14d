using AnomalyHunter.Lakehouse.Catalog;
using AnomalyHunter.Lakehouse.Catalog.Investigation;
using AnomalyHunter.Lakehouse.Model;

namespace AnomalyHunter.Lakehouse.Tests.Catalog;

/// <summary>The investigation store contract; every backend runs the same tests.</summary>
public abstract class InvestigationStoreContractTests : IAsyncLifetime
{
    private ICatalog? _catalog;

    private IInvestigationStore Store => (IInvestigationStore)(_catalog ?? throw new InvalidOperationException("Not initialised."));

    protected abstract Task<ICatalog> CreateCatalogAsync();

    public async Task InitializeAsync()
    {
        _catalog = await CreateCatalogAsync();
        await _catalog.MigrateAsync(CancellationToken.None);
        await _catalog.ResolveSeriesAsync([new SeriesKey("acme", "eu", "cpu")], CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_catalog is not null)
        {
            await _catalog.DisposeAsync();
        }
    }

    private static VerdictRecord Verdict(string id, string run, string decision = "anomaly", int severity = 5, long created = 1_000) =>
        new(id, "an-" + id, run, 1, created, decision, "spike", severity, 0.875, 7, "detect/x", 0, false, "{\"verdict_id\":\"" + id + "\"}");

    private static FindingRecord Finding(string id, string agent, double confidence = 0.5) => new(id, agent, "offline", confidence, 4, "{\"agent\":\"" + agent + "\"}");

    [Fact]
    public async Task The_schema_reaches_the_investigation_migration()
    {
        Assert.True(await _catalog!.SchemaVersionAsync(CancellationToken.None) >= 3);
        Assert.Equal(0, await Store.CurrentLearningVersionAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Verdicts_and_findings_round_trip_and_saving_again_replaces_them()
    {
        await Store.SaveVerdictAsync(Verdict("vd-1", "r1"), [Finding("vd-1", "root-cause"), Finding("vd-1", "pattern-analyst")], CancellationToken.None);
        await Store.SaveVerdictAsync(Verdict("vd-1", "r2", severity: 8), [Finding("vd-1", "change-detective", 0.25)], CancellationToken.None);

        var v = await Store.GetVerdictAsync("vd-1", CancellationToken.None);
        Assert.Equal(Verdict("vd-1", "r2", severity: 8), v);
        var f = Assert.Single(await Store.GetFindingsAsync("vd-1", CancellationToken.None));
        Assert.Equal(Finding("vd-1", "change-detective", 0.25), f);
        Assert.Null(await Store.GetVerdictAsync("vd-404", CancellationToken.None));
        Assert.Equal(["vd-1"], await Store.FindVerdictIdsAsync(["vd-1", "vd-2"], CancellationToken.None));
    }

    [Fact]
    public async Task Listing_filters_by_run_decision_and_severity_newest_first()
    {
        await Store.SaveVerdictAsync(Verdict("vd-a", "r1", "anomaly", 3, created: 1), [], CancellationToken.None);
        await Store.SaveVerdictAsync(Verdict("vd-b", "r1", "noise", 1, created: 2), [], CancellationToken.None);
        await Store.SaveVerdictAsync(Verdict("vd-c", "r2", "anomaly", 9, created: 3), [], CancellationToken.None);

        Assert.Equal(["vd-c", "vd-b", "vd-a"], (await Store.ListVerdictsAsync(new VerdictFilter(), CancellationToken.None)).Select(v => v.VerdictId));
        Assert.Equal(["vd-b", "vd-a"], (await Store.ListVerdictsAsync(new VerdictFilter { RunId = "r1" }, CancellationToken.None)).Select(v => v.VerdictId));
        Assert.Equal(["vd-c", "vd-a"], (await Store.ListVerdictsAsync(new VerdictFilter { Decision = "anomaly" }, CancellationToken.None)).Select(v => v.VerdictId));
        Assert.Equal(["vd-c"], (await Store.ListVerdictsAsync(new VerdictFilter { MinSeverity = 5 }, CancellationToken.None)).Select(v => v.VerdictId));
        Assert.Equal(["vd-c"], (await Store.ListVerdictsAsync(new VerdictFilter { Limit = 1 }, CancellationToken.None)).Select(v => v.VerdictId));
    }

    [Fact]
    public async Task Feedback_commits_with_the_next_learning_version_and_a_stale_version_conflicts()
    {
        await Store.SaveVerdictAsync(Verdict("vd-1", "r1"), [], CancellationToken.None);
        var first = await Store.AddFeedbackAsync(new NewFeedback("vd-1", "correct", "looks right", null, "ana"), new LearningUpdate(0, "rule/1", "{\"v\":1}", "[1]"), CancellationToken.None);
        var second = await Store.AddFeedbackAsync(new NewFeedback("vd-1", "partial", null, "cpu-saturation", "bob"), new LearningUpdate(1, "rule/1", "{\"v\":2}", "[2]"), CancellationToken.None);

        Assert.Equal((1, 2), (first.LearningVersion, second.LearningVersion));
        Assert.True(second.FeedbackId > first.FeedbackId);
        await Assert.ThrowsAsync<CatalogConflictException>(() =>
            Store.AddFeedbackAsync(new NewFeedback("vd-1", "incorrect", null, null, "eve"), new LearningUpdate(1, "rule/1", "{}", "[]"), CancellationToken.None));

        Assert.Equal(2, await Store.CurrentLearningVersionAsync(CancellationToken.None));
        var listed = await Store.ListFeedbackAsync("vd-1", CancellationToken.None);
        Assert.Equal([("correct", "ana", (string?)"looks right", (string?)null), ("partial", "bob", null, "cpu-saturation")],
            listed.Select(f => (f.Verdict, f.UserName, f.Note, f.ResolvedBy)));
        var v2 = await Store.GetLearningVersionAsync(2, CancellationToken.None);
        Assert.Equal(("{\"v\":2}", "[2]", second.FeedbackId), (v2!.StateJson, v2.ChangesJson, v2.FeedbackId!.Value));
        Assert.Equal([2, 1], (await Store.ListLearningVersionsAsync(10, CancellationToken.None)).Select(l => l.Version));
    }

    [Fact]
    public async Task Model_calls_are_recorded_in_order_and_the_cache_keeps_the_first_answer()
    {
        var call = new LlmCallRecord(0, "run", "an-1", "root-cause", "eu", "eu-west", "m", "root-cause.v1", "abc", 10, 5, 0.25, "ok", null, 100, 7);
        long a = await Store.RecordLlmCallAsync(call, CancellationToken.None);
        long b = await Store.RecordLlmCallAsync(call with { Outcome = "error", Error = "HTTP 429" }, CancellationToken.None);
        Assert.True(b > a);
        var calls = await Store.ListLlmCallsAsync("run", CancellationToken.None);
        Assert.Equal([call with { CallId = a }, call with { CallId = b, Outcome = "error", Error = "HTTP 429" }], calls);
        Assert.Empty(await Store.ListLlmCallsAsync("other", CancellationToken.None));

        var entry = new LlmCacheEntry("k1", "root-cause", "m", "root-cause.v1", "{\"claim\":\"x\"}", 10, 5, 100);
        await Store.PutCachedResponseAsync(entry, CancellationToken.None);
        await Store.PutCachedResponseAsync(entry with { ResponseJson = "{\"claim\":\"y\"}" }, CancellationToken.None);
        Assert.Equal(entry, await Store.GetCachedResponseAsync("k1", CancellationToken.None));
        Assert.Null(await Store.GetCachedResponseAsync("k2", CancellationToken.None));
    }
}
