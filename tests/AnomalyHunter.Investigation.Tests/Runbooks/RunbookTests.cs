using AnomalyHunter.Investigation.Findings;
using AnomalyHunter.Investigation.Runbooks;
using AnomalyHunter.Lakehouse.Model;

namespace AnomalyHunter.Investigation.Tests.Runbooks;

public sealed class RunbookTests
{
    private static readonly SeriesKey Cpu = new("acme", "eu-west", "cpu_utilization", [new("host", "api-01"), new("service", "api")]);

    [Fact]
    public async Task The_shipped_runbooks_load_and_a_cpu_spike_gets_the_cpu_runbook_first_with_filled_in_commands()
    {
        var library = await RunbookLibrary.LoadAsync(null, CancellationToken.None);
        Assert.True(library.Runbooks.Count >= 10);
        var ranked = RunbookMatcher.Rank(library, new RunbookSubject(Patterns.Spike, Cpu, 6, "up", 0, 3_600_000), new Dictionary<string, RunbookOutcome>(), 3);

        Assert.Equal("cpu-saturation", ranked[0].Id);
        Assert.Contains(ranked, r => r.Id == "generic-investigation");
        Assert.Contains("api-01", ranked[0].Steps[0], StringComparison.Ordinal);
        Assert.Contains("1970-01-01T01:00:00Z", ranked[0].Verify[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Conditions_filter_and_past_outcomes_reorder_equally_specific_runbooks()
    {
        var library = RunbookLibrary.Parse(new Dictionary<string, string>
        {
            ["a"] = "id: restart\ntitle: Restart\nmatch:\n  metrics: [\"cpu_*\"]\nsteps: [restart]\n",
            ["b"] = "id: scale\ntitle: Scale out\nmatch:\n  metrics: [\"cpu_*\"]\nsteps: [scale]\n",
            ["c"] = "id: disk\ntitle: Disk\nmatch:\n  metrics: [\"disk_*\"]\nsteps: [clean]\n",
        });
        var subject = new RunbookSubject(Patterns.Spike, Cpu, 5, "up", 0, 0);
        Assert.Equal(["restart", "scale"], RunbookMatcher.Rank(library, subject, new Dictionary<string, RunbookOutcome>(), 5).Select(r => r.Id));

        var outcomes = new Dictionary<string, RunbookOutcome> { ["scale"] = new(3, 0), ["restart"] = new(0, 2) };
        var ranked = RunbookMatcher.Rank(library, subject, outcomes, 5);
        Assert.Equal(["scale", "restart"], ranked.Select(r => r.Id));
        Assert.Equal(0.8, ranked[0].PastSuccess, 12);
    }

    [Fact]
    public void A_runbook_with_an_unknown_pattern_is_rejected_with_its_id()
    {
        var ex = Assert.Throws<FormatException>(() => RunbookLibrary.Parse(new Dictionary<string, string>
        {
            ["x"] = "id: odd\ntitle: Odd\nmatch:\n  patterns: [wobble]\nsteps: [x]\n",
        }));
        Assert.Contains("odd", ex.Message, StringComparison.Ordinal);
        Assert.Contains("wobble", ex.Message, StringComparison.Ordinal);
    }
}
