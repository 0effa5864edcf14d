using AnomalyHunter.Investigation.Agents;
using AnomalyHunter.Investigation.Context;
using AnomalyHunter.Investigation.Findings;
using AnomalyHunter.Investigation.Job;
using AnomalyHunter.Investigation.Learning;
using AnomalyHunter.Investigation.Runbooks;
using AnomalyHunter.Investigation.Tests.Support;
using AnomalyHunter.Lakehouse.Catalog;

namespace AnomalyHunter.Investigation.Tests.Job;

public sealed class InvestigateJobTests
{
    [Fact]
    public async Task Investigating_a_detect_run_stores_replayable_verdicts_and_feedback_teaches_the_next_run()
    {
        await using var lake = await SyntheticLake.CreateAsync(SyntheticLake.Small);
        var store = lake.Catalog;
        var options = new InvestigateOptions { MinScore = 50, Parallelism = 2 };
        var runbooks = await RunbookLibrary.LoadAsync(null, CancellationToken.None);
        var top = (await lake.Catalog.ListAnomaliesAsync(new AnomalyFilter { MinScore = 50 }, CancellationToken.None)).MaxBy(a => a.PeakScore)!;
        IReadOnlyList<ChangeEvent> events = [new(top.StartTsMs - 1_800_000, "deployment", "api v2.3", new Dictionary<string, string>())];
        var job = new InvestigateJob(lake.Lake, store, options, CandidateInvestigator.OfflineAgents(options.Agents), runbooks, events);

        var first = await job.RunAsync(new InvestigateRequest(), CancellationToken.None);
        Assert.Equal(lake.DetectRunId, first.DetectRunId);
        Assert.True(first.Candidates > 0);
        Assert.Equal(first.Candidates, first.VerdictIds.Count);
        var stored = VerdictRecords.FromRecord((await store.GetVerdictAsync(first.VerdictIds[0], CancellationToken.None))!);
        Assert.Equal(AgentNames.All.Order(StringComparer.Ordinal), stored.Findings.Select(f => f.Agent).Order(StringComparer.Ordinal));
        Assert.Equal(3, (await store.GetFindingsAsync(stored.VerdictId, CancellationToken.None)).Count);
        Assert.All(stored.Findings, f => Assert.InRange(f.Confidence, 0, 1));
        Assert.All(stored.Findings, f => Assert.InRange(f.Severity, 1, 10));
        Assert.Equal(0, stored.Weights.LearningVersion);
        Assert.False(string.IsNullOrEmpty(stored.Manifest.DetectorConfigHash));
        var topVerdict = VerdictRecords.FromRecord((await store.ListVerdictsAsync(new() { AnomalyId = top.AnomalyId }, CancellationToken.None))[0]);
        Assert.Contains(topVerdict.Findings.Single(f => f.Agent == AgentNames.RootCause).Evidence, e => e.Name == "preceding_event");

        var again = await job.RunAsync(new InvestigateRequest(), CancellationToken.None);
        Assert.Equal((first.Candidates, 0), (again.Skipped, again.VerdictIds.Count));

        var replayer = new ReplayRunner(lake.Lake, store);
        foreach (string id in first.VerdictIds.Take(4))
        {
            var replay = await replayer.ReplayAsync(id, o => CandidateInvestigator.OfflineAgents(o.Agents), runbooks, events, CancellationToken.None);
            Assert.True(replay.Reproduced, string.Join("; ", replay.Differences));
        }

        var rule = new LearningRule(options.Learning);
        var (feedback, changes) = await new FeedbackService(store, rule).RecordAsync(stored.VerdictId, FeedbackKind.Correct, "checked", null, "tester", CancellationToken.None);
        Assert.Equal((1, "tester", "correct"), (feedback.LearningVersion, feedback.UserName, feedback.Verdict));
        var subject = new FeedbackSubject(stored.Decision, stored.Pattern, stored.Metric, stored.Window.Passes, stored.Findings.ToDictionary(f => f.Agent, f => f.Confidence));
        var (expected, _) = rule.Apply(new LearningState(), subject, FeedbackKind.Correct, "x");
        Assert.Equal(FindingJson.Serialize(expected), FindingJson.Serialize(await LearningStates.LoadAsync(store, null, CancellationToken.None)));
        Assert.NotEmpty(changes);

        var replayAfter = await replayer.ReplayAsync(stored.VerdictId, o => CandidateInvestigator.OfflineAgents(o.Agents), runbooks, events, CancellationToken.None);
        Assert.True(replayAfter.Reproduced, string.Join("; ", replayAfter.Differences));

        var forced = await job.RunAsync(new InvestigateRequest { Force = true }, CancellationToken.None);
        var relearned = VerdictRecords.FromRecord((await store.GetVerdictAsync(forced.VerdictIds[0], CancellationToken.None))!);
        Assert.Equal(1, relearned.Weights.LearningVersion);
    }
}
