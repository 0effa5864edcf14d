using AnomalyHunter.Investigation.Agents;
using AnomalyHunter.Investigation.Job;
using AnomalyHunter.Investigation.Tests.Support;
using AnomalyHunter.Jobs.Detect;
using AnomalyHunter.Lakehouse.Catalog;
using AnomalyHunter.Synthetic.Options;

namespace AnomalyHunter.Investigation.Tests.Job;

public sealed class WindowPatternNamerTests
{
    // why: with two services a series may share neither host nor service with another of its region.
    private static readonly SyntheticOptions TwoServices = SyntheticLake.Small with { ServicesPerRegion = 2 };

    [Fact]
    public async Task Every_window_gets_the_kind_the_investigate_jobs_pattern_analyst_gives_it()
    {
        await using var lake = await SyntheticLake.CreateAsync(TwoServices);
        var anomalies = await lake.Catalog.ListAnomaliesAsync(new AnomalyFilter(), CancellationToken.None);
        long head = await lake.Catalog.CurrentSnapshotAsync(CancellationToken.None);
        var options = new InvestigateOptions { Parallelism = 2 };

        var names = await new WindowPatternNamer(lake.Lake, options).NameAsync(anomalies, head, CancellationToken.None);

        Assert.True(anomalies.Count >= 3, $"{anomalies.Count} windows");
        var builder = new ContextBuilder(lake.Lake, options, []);
        var analyst = new PatternAnalystAgent(options.Agents);
        foreach (var anomaly in anomalies)
        {
            var finding = await analyst.InvestigateAsync(await builder.BuildAsync(anomaly, head, CancellationToken.None), CancellationToken.None);
            Assert.Equal(finding.Pattern, names[anomaly.AnomalyId]);
        }

        Assert.Equal(anomalies.Count, names.Count);
    }

    [Fact]
    public async Task Windows_overlapping_in_time_on_related_series_form_an_incident_and_others_do_not()
    {
        await using var lake = await SyntheticLake.CreateAsync(TwoServices);
        var series = await lake.Catalog.ListSeriesAsync(null, CancellationToken.None);
        var first = series[0];
        long sameHost = series.First(s => s.SeriesId != first.SeriesId && s.Key.Label("host") == first.Key.Label("host")).SeriesId;
        long unrelated = series.First(s => s.Key.Label("host") != first.Key.Label("host") && s.Key.Label("service") != first.Key.Label("service")).SeriesId;
        const long Step = 300_000;
        long t = lake.Data.Series[0].TimestampsMs[2000];
        AnomalyRecord Window(string id, long seriesId, long from, long to, string passes = "robust_z", string scope = AnomalyScopes.Series) =>
            new(id, "detect/test", seriesId, t + (from * Step), t + (to * Step), t + (from * Step), 60, to - from + 1, passes, "r", "r", false, "{}", scope);
        AnomalyRecord[] windows =
        [
            Window("on-host", first.SeriesId, 0, 10),
            Window("host-peer", sameHost, 5, 20),
            Window("other-service", unrelated, 0, 10),
            Window("alone", first.SeriesId, 100, 110),
            Window("gap", sameHost, 100, 110, DetectOptions.MissingDataPass),
            Window("same-series-1", first.SeriesId, 200, 210),
            Window("same-series-2", first.SeriesId, 205, 215),
            Window("group", unrelated, 300, 310, "pca", AnomalyScopes.Group),
        ];

        var incident = await new WindowPatternNamer(lake.Lake, new InvestigateOptions()).CorrelatedAsync(windows, CancellationToken.None);

        Assert.Equal(["group", "host-peer", "on-host"], incident.Order(StringComparer.Ordinal));
    }
}
