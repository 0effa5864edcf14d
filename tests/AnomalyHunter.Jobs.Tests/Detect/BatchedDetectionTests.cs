using AnomalyHunter.Jobs.Detect;
using AnomalyHunter.Jobs.Ingest;
using AnomalyHunter.Jobs.Tests.Support;
using AnomalyHunter.Lakehouse.Catalog;
using AnomalyHunter.Lakehouse.Model;
using AnomalyHunter.Udfs.Detection.Combined;
using AnomalyHunter.Udfs.Detection.Novelty;
using AnomalyHunter.Udfs.Detection.Statistical;
using AnomalyHunter.Udfs.Forecast;
using AnomalyHunter.Udfs.Multivariate;

namespace AnomalyHunter.Jobs.Tests.Detect;

public sealed class BatchedDetectionTests
{
    private const long Day = 86_400_000;
    private const long Step = 300_000;
    private static readonly long Start = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private static List<(SeriesKey Key, long Ts, double Value)> Points(int days)
    {
        var rng = new Random(11);
        var rows = new List<(SeriesKey, long, double)>();
        foreach (string region in new[] { "eu", "us" })
        {
            foreach (string host in new[] { "a", "b", "c" })
            {
                foreach (string metric in new[] { "cpu", "mem", "disk" })
                {
                    var key = new SeriesKey("acme", region, metric, [new("host", host)]);
                    for (long t = Start; t < Start + (days * Day); t += Step)
                    {
                        long k = (t - Start) / Step;
                        double v = 50 + (10 * Math.Sin(2 * Math.PI * (t - Start) / Day)) + (rng.NextDouble() * 4);
                        if (host == "b" && k % 577 == 400)
                        {
                            v += 60;
                        }

                        rows.Add((key, t, v));
                    }
                }
            }
        }

        return rows;
    }

    private static async Task<(List<AnomalyRecord> Windows, List<(long, long, long, string)> Cursors, List<(string, long, long, string)> GroupCursors)> RunAsync(
        IEnumerable<List<(SeriesKey, long, double)>> batches, int seriesPerBatch)
    {
        await using var lake = await TestLake.CreateAsync();
        var ingest = new IngestJob(lake.Lake, new IngestJobOptions());
        var passes = new CombinedScorerFactory(
            [new NoveltyScorerFactory(new NoveltyOptions()), new StatisticalScorerFactory(new StatisticalOptions()), new ForecastScorerFactory(new ForecastOptions())],
            ["novelty"]);
        var detect = new DetectJob(lake.Lake, passes, new DetectOptions { SeriesPerBatch = seriesPerBatch },
            new GroupPassOptions("host", new PcaGroupScorerFactory(new PcaOptions())));
        int n = 0;
        foreach (var batch in batches)
        {
            await ingest.RunAsync([MemorySources.From($"batch-{n++}", batch)], new FolderQuarantineSink(Path.Combine(lake.Root, "quarantine"), "test"), null, CancellationToken.None);
            await detect.RunAsync(null, CancellationToken.None);
        }

        var catalog = lake.Lake.Catalog;
        var series = (await catalog.ListSeriesAsync(null, CancellationToken.None)).Select(s => s.SeriesId).ToList();
        var groups = (await catalog.ListSeriesAsync(null, CancellationToken.None))
            .Select(s => DetectPlan.GroupKeyOf(s, "host")!).Distinct(StringComparer.Ordinal).ToList();
        var cursors = await catalog.GetCursorsAsync(detect.Consumer, series, CancellationToken.None);
        var groupCursors = await catalog.GetGroupCursorsAsync(detect.Consumer, groups, CancellationToken.None);
        var windows = (await catalog.ListAnomaliesAsync(new AnomalyFilter { Consumer = detect.Consumer }, CancellationToken.None))
            .Select(a => a with { FirstRunId = "", LastRunId = "" }).ToList();
        return (windows,
            [.. cursors.Values.OrderBy(c => c.SeriesId).Select(c => (c.SeriesId, c.WatermarkMs, c.PointsSeen, Convert.ToHexString(c.State)))],
            [.. groupCursors.Values.OrderBy(c => c.GroupKey, StringComparer.Ordinal).Select(c => (c.GroupKey, c.WatermarkMs, c.PointsSeen, Convert.ToHexString(c.State)))]);
    }

    [Fact]
    public async Task Scoring_a_few_series_at_a_time_saves_the_windows_and_states_of_one_batch()
    {
        var all = Points(4);
        var daily = all.GroupBy(r => (r.Ts - Start) / Day).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();

        var whole = await RunAsync(daily, DetectOptions.DefaultSeriesPerBatch);
        var small = await RunAsync(daily, 2);

        Assert.NotEmpty(whole.Windows);
        Assert.Contains(whole.Windows, w => w.Scope == AnomalyScopes.Group);
        Assert.Equal(18, whole.Cursors.Count);
        Assert.Equal(6, whole.GroupCursors.Count);
        Assert.Equal(whole.Windows, small.Windows);
        Assert.Equal(whole.Cursors, small.Cursors);
        Assert.Equal(whole.GroupCursors, small.GroupCursors);
    }
}
