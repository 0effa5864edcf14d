using AnomalyHunter.Scheduler.Demo;
using AnomalyHunter.Scheduler.Hosting;
using AnomalyHunter.Synthetic.Scoring;

namespace AnomalyHunter.Scheduler.Tests.Demo;

/// <summary>The demo's replay over real files: generated days ingested into a temporary lake, detected and named.</summary>
public sealed class SyntheticReplayTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ah-replay-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Every_window_gets_a_kind_and_naming_leaves_recall_and_overall_precision_as_they_were()
    {
        SyntheticReplayResult result;
        await using (var host = await AppHost.StartAsync(new GlobalValues(_root, null, null, false), new Dictionary<string, string?>(), CancellationToken.None))
        {
            result = await SyntheticReplay.RunAsync(host, 42, 9, (_, _, _) => { }, CancellationToken.None);
        }

        Assert.NotEmpty(result.Windows);
        Assert.All(result.Windows, w => Assert.False(string.IsNullOrEmpty(w.Kind)));
        var unnamed = DetectionScorer.Score(result.Windows.Select(w => w with { Kind = null }), result.Labels, result.Scoring);
        KindScore all = result.Rows.Single(r => r.Kind == DetectionScorer.AllRow);
        Assert.Equal(unnamed.Single(r => r.Kind == DetectionScorer.AllRow) with { Agrees = all.Agrees, Agreement = all.Agreement }, all);
        foreach (var named in result.Windows.GroupBy(w => w.Kind!))
        {
            Assert.Equal(named.Count(), result.Rows.Single(r => r.Kind == named.Key).Windows);
        }

        Assert.Equal(0, result.Rows.Single(r => r.Kind == DetectionScorer.UnlabelledRow).Windows);
    }
}
