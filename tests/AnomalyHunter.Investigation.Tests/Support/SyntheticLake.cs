using AnomalyHunter.Jobs.Detect;
using AnomalyHunter.Jobs.Framework;
using AnomalyHunter.Jobs.Ingest;
using AnomalyHunter.Lakehouse.Model;
using AnomalyHunter.Lakehouse.Sqlite;
using AnomalyHunter.Synthetic.Generation;
using AnomalyHunter.Synthetic.Model;
using AnomalyHunter.Synthetic.Options;
using AnomalyHunter.Udfs.Detection;
using Serilog;

namespace AnomalyHunter.Investigation.Tests.Support;

/// <summary>A temporary lakehouse holding a small labelled synthetic dataset, ingested and scored by the robust detector.</summary>
internal sealed class SyntheticLake : IAsyncDisposable
{
    private SyntheticLake(string root, SqliteCatalog catalog, SyntheticDataset data)
    {
        Root = root;
        Catalog = catalog;
        Data = data;
        Lake = new Lake(catalog, Path.Combine(root, "lake"), TimeProvider.System, new LoggerConfiguration().CreateLogger());
    }

    /// <summary>Sixteen series over twelve days (one tenant, two regions, two hosts of one service, four metrics) with a few anomalies of most kinds.</summary>
    public static readonly SyntheticOptions Small = SyntheticOptions.Demo with
    {
        Seed = 11,
        Days = 12,
        Tenants = 1,
        ServicesPerRegion = 1,
        HostsPerService = 2,
        MetricsPerHost = 4,
        Anomalies = new AnomalyCounts { Spike = 3, Dip = 2, LevelShift = 1, TrendChange = 0, VarianceChange = 1, SeasonalityBreak = 0, MissingData = 1, CorrelatedIncident = 1 },
    };

    public string Root { get; }

    public SqliteCatalog Catalog { get; }

    public SyntheticDataset Data { get; }

    public Lake Lake { get; }

    public string DetectRunId { get; private set; } = string.Empty;

    public static async Task<SyntheticLake> CreateAsync(SyntheticOptions options)
    {
        string root = Directory.CreateTempSubdirectory("ah-inv-lake-").FullName;
        var catalog = new SqliteCatalog(Path.Combine(root, "catalog.db"), TimeProvider.System);
        await catalog.MigrateAsync(CancellationToken.None);
        var lake = new SyntheticLake(root, catalog, new SyntheticGenerator(options).Generate());
        await lake.IngestAndDetectAsync();
        return lake;
    }

    public async ValueTask DisposeAsync()
    {
        await Catalog.DisposeAsync();
        Directory.Delete(Root, recursive: true);
    }

    private async Task IngestAndDetectAsync()
    {
        var keys = Data.Series.Select(s => SyntheticCases.Key(s.Series)).ToList();
        int n = (int)Data.PointCount;
        var index = new int[n];
        var ts = new long[n];
        var values = new double[n];
        var lines = new long[n];
        int at = 0;
        for (int k = 0; k < Data.Series.Count; k++)
        {
            var s = Data.Series[k];
            for (int i = 0; i < s.Values.Length; i++)
            {
                index[at] = k;
                ts[at] = s.TimestampsMs[i];
                values[at] = s.Values[i];
                lines[at] = at + 2;
                at++;
            }
        }

        var source = MemorySource.Create("synthetic", keys, index, ts, values, lines, n);
        string runId = JobRunner.NewRunId(TimeProvider.System);
        await new IngestJob(Lake, new IngestJobOptions()).RunAsync([source], new FolderQuarantineSink(Path.Combine(Root, "quarantine"), runId), null, CancellationToken.None, runId);
        var detect = await new DetectJob(Lake, new RobustZScorerFactory(new RobustZOptions()), new DetectOptions { Parallelism = 2 }).RunAsync(null, CancellationToken.None);
        DetectRunId = detect.RunId;
    }

    /// <summary>Keys in the catalog form, for comparing with labels.</summary>
    public static SeriesKey Key(SeriesInfo s) => SyntheticCases.Key(s);
}
