using AnomalyHunter.Lakehouse.Catalog;
using AnomalyHunter.Lakehouse.Model;

namespace AnomalyHunter.Lakehouse.Tests.Catalog;

/// <summary>The catalog contract; every backend runs the same tests.</summary>
public abstract class CatalogContractTests : IAsyncLifetime
{
    private ICatalog? _catalog;

    protected ICatalog Catalog => _catalog ?? throw new InvalidOperationException("Not initialised.");

    protected abstract Task<ICatalog> CreateCatalogAsync();

    public async Task InitializeAsync()
    {
        _catalog = await CreateCatalogAsync();
        await _catalog.MigrateAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_catalog is not null)
        {
            await _catalog.DisposeAsync();
        }
    }

    private static SeriesKey Key(string metric, string host = "h1") =>
        new("acme", "eu", metric, [new("host", host)]);

    private static NewDataFile File(string path, long minSeries = 1, long maxSeries = 1) =>
        new(path, "acme", "eu", "2024-01-01", 10, 1_704_067_200_000, 1_704_070_800_000, minSeries, maxSeries, 1234, "abc");

    [Fact]
    public async Task Migrating_twice_is_harmless_and_reports_the_schema_version()
    {
        await Catalog.MigrateAsync(CancellationToken.None);
        Assert.True(await Catalog.SchemaVersionAsync(CancellationToken.None) >= 1);
    }

    [Fact]
    public async Task Series_ids_are_stable_and_shared_by_equal_keys()
    {
        var first = await Catalog.ResolveSeriesAsync([Key("cpu"), Key("mem"), Key("cpu")], CancellationToken.None);
        Assert.Equal(first[0], first[2]);
        Assert.NotEqual(first[0], first[1]);
        var second = await Catalog.ResolveSeriesAsync([Key("mem"), Key("cpu"), Key("disk")], CancellationToken.None);
        Assert.Equal(first[1], second[0]);
        Assert.Equal(first[0], second[1]);

        var listed = await Catalog.ListSeriesAsync("disk", CancellationToken.None);
        var disk = Assert.Single(listed);
        Assert.Equal(Key("disk"), disk.Key);
        Assert.Equal("h1", disk.Key.Label("host"));
        Assert.Equal(3, (await Catalog.ListSeriesAsync(null, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Label_values_with_quotes_and_wildcards_round_trip_and_search_literally()
    {
        var odd = new SeriesKey("t", "r", "m_1%", [new("path", "C:\\x \"y\"")]);
        long id = (await Catalog.ResolveSeriesAsync([odd], CancellationToken.None))[0];
        await Catalog.ResolveSeriesAsync([new SeriesKey("t", "r", "m1x")], CancellationToken.None);
        var found = Assert.Single(await Catalog.ListSeriesAsync("m_1%", CancellationToken.None));
        Assert.Equal(id, found.SeriesId);
        Assert.Equal(odd.Canonical, found.Key.Canonical);
    }

    [Fact]
    public async Task Commits_create_snapshots_in_order_and_readers_see_only_the_files_of_their_snapshot()
    {
        Assert.Equal(0, await Catalog.CurrentSnapshotAsync(CancellationToken.None));
        long s1 = await Catalog.CommitSnapshotAsync(new SnapshotCommit { Operation = "ingest", AddedFiles = [File("a.parquet")] }, CancellationToken.None);
        long s2 = await Catalog.CommitSnapshotAsync(new SnapshotCommit { Operation = "ingest", AddedFiles = [File("b.parquet")] }, CancellationToken.None);
        Assert.Equal(s1 + 1, s2);
        Assert.Equal(s2, await Catalog.CurrentSnapshotAsync(CancellationToken.None));

        Assert.Equal(["a.parquet"], (await Catalog.ListFilesAsync(s1, CancellationToken.None)).Select(f => f.Path));
        var atS2 = await Catalog.ListFilesAsync(s2, CancellationToken.None);
        Assert.Equal(["a.parquet", "b.parquet"], atS2.Select(f => f.Path));

        long s3 = await Catalog.CommitSnapshotAsync(
            new SnapshotCommit { Operation = "compact", AddedFiles = [File("c.parquet")], RemovedFileIds = [.. atS2.Select(f => f.FileId)] },
            CancellationToken.None);
        Assert.Equal(["c.parquet"], (await Catalog.ListFilesAsync(s3, CancellationToken.None)).Select(f => f.Path));
        Assert.Equal(["a.parquet", "b.parquet"], (await Catalog.ListFilesAsync(s2, CancellationToken.None)).Select(f => f.Path));
        Assert.Equal(2, (await Catalog.ListRemovedFilesAsync(s3, CancellationToken.None)).Count);
        Assert.Equal(["ingest", "ingest", "compact"], (await Catalog.ListSnapshotsAsync(CancellationToken.None)).Select(s => s.Operation));
    }

    [Fact]
    public async Task Removing_a_file_twice_is_a_conflict_and_leaves_nothing_half_done()
    {
        long s1 = await Catalog.CommitSnapshotAsync(new SnapshotCommit { Operation = "ingest", AddedFiles = [File("a.parquet")] }, CancellationToken.None);
        long fileId = (await Catalog.ListFilesAsync(s1, CancellationToken.None))[0].FileId;
        await Catalog.CommitSnapshotAsync(new SnapshotCommit { Operation = "compact", AddedFiles = [File("b.parquet")], RemovedFileIds = [fileId] }, CancellationToken.None);

        await Assert.ThrowsAsync<CatalogConflictException>(() => Catalog.CommitSnapshotAsync(
            new SnapshotCommit { Operation = "compact", AddedFiles = [File("c.parquet")], RemovedFileIds = [fileId] }, CancellationToken.None));

        long head = await Catalog.CurrentSnapshotAsync(CancellationToken.None);
        Assert.Equal(s1 + 1, head);
        Assert.Equal(["b.parquet"], (await Catalog.ListFilesAsync(head, CancellationToken.None)).Select(f => f.Path));
    }

    [Fact]
    public async Task Changes_are_merged_per_series_between_two_snapshots()
    {
        var ids = await Catalog.ResolveSeriesAsync([Key("cpu"), Key("mem")], CancellationToken.None);
        long s1 = await Catalog.CommitSnapshotAsync(new SnapshotCommit
        {
            Operation = "ingest",
            Changes = [new(ids[0], 100, 200, 5), new(ids[1], 100, 150, 2)],
        }, CancellationToken.None);
        long s2 = await Catalog.CommitSnapshotAsync(new SnapshotCommit { Operation = "ingest", Changes = [new(ids[0], 50, 120, 3)] }, CancellationToken.None);

        var all = await Catalog.ListChangesAsync(0, s2, CancellationToken.None);
        Assert.Equal([new SeriesChange(ids[0], 50, 200, 8), new SeriesChange(ids[1], 100, 150, 2)], all);
        var onlyLast = await Catalog.ListChangesAsync(s1, s2, CancellationToken.None);
        Assert.Equal([new SeriesChange(ids[0], 50, 120, 3)], onlyLast);
    }

    [Fact]
    public async Task An_ingested_source_is_found_and_cannot_be_committed_twice()
    {
        var source = new IngestedSource("deadbeef", "/in/a.csv", 10, 1);
        await Catalog.CommitSnapshotAsync(new SnapshotCommit { Operation = "ingest", Sources = [source] }, CancellationToken.None);
        Assert.Equal(["deadbeef"], await Catalog.FindIngestedSourcesAsync(["deadbeef", "cafe"], CancellationToken.None));
        await Assert.ThrowsAsync<CatalogConflictException>(() =>
            Catalog.CommitSnapshotAsync(new SnapshotCommit { Operation = "ingest", Sources = [source] }, CancellationToken.None));
    }

    [Fact]
    public async Task Pending_files_are_listed_until_committed_or_removed()
    {
        await Catalog.AddPendingFilesAsync(["x.parquet", "y.parquet"], "run-1", CancellationToken.None);
        Assert.Equal(["x.parquet", "y.parquet"], (await Catalog.ListPendingFilesAsync(CancellationToken.None)).Select(p => p.Path));
        await Catalog.CommitSnapshotAsync(new SnapshotCommit { Operation = "ingest", AddedFiles = [File("x.parquet")] }, CancellationToken.None);
        Assert.Equal(["y.parquet"], (await Catalog.ListPendingFilesAsync(CancellationToken.None)).Select(p => p.Path));
        await Catalog.RemovePendingFilesAsync(["y.parquet"], CancellationToken.None);
        Assert.Empty(await Catalog.ListPendingFilesAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Runs_are_recorded_from_start_to_finish()
    {
        await Catalog.StartRunAsync(new JobRunRecord("r1", "ingest", "{}", null, 1000, null, "running", "{}", null, "host", 42), CancellationToken.None);
        await Catalog.FinishRunAsync("r1", 2000, "succeeded", 7, "{\"rows\":3}", null, CancellationToken.None);
        var run = Assert.Single(await Catalog.ListRunsAsync(10, CancellationToken.None));
        Assert.Equal(("succeeded", 7L, 2000L, "{\"rows\":3}", 42), (run.Outcome, run.SnapshotId!.Value, run.EndedAtMs!.Value, run.CountsJson, run.ProcessId));
    }

    [Fact]
    public async Task Detection_commits_advance_the_consumer_once_and_upsert_windows_by_start()
    {
        long series = (await Catalog.ResolveSeriesAsync([Key("cpu")], CancellationToken.None))[0];
        Assert.Null(await Catalog.GetConsumerAsync("detect/x", CancellationToken.None));
        var open = new AnomalyRecord("a1", "detect/x", series, 100, 200, 150, 60, 3, "robust-z", "r1", "r1", true);
        await Catalog.CommitDetectionAsync(new DetectionCommit
        {
            Consumer = "detect/x", ExpectedVersion = 0, SnapshotId = 1, Fingerprint = "f",
            Cursors = [new SeriesCursor(series, 200, 10, [1, 2, 3])],
            Anomalies = [open],
        }, CancellationToken.None);

        var consumer = await Catalog.GetConsumerAsync("detect/x", CancellationToken.None);
        Assert.Equal((1L, 1L), (consumer!.SnapshotId, consumer.Version));
        var cursor = (await Catalog.GetCursorsAsync("detect/x", [series], CancellationToken.None))[series];
        Assert.Equal([1, 2, 3], cursor.State);
        var marks = await Catalog.GetCursorMarksAsync("detect/x", [series, series + 1000], CancellationToken.None);
        Assert.Equal([new CursorMark(series, 200, 10)], marks.Values);

        // A second run loses the race when it read the same version.
        await Assert.ThrowsAsync<CatalogConflictException>(() => Catalog.CommitDetectionAsync(
            new DetectionCommit { Consumer = "detect/x", ExpectedVersion = 0, SnapshotId = 2, Fingerprint = "f" }, CancellationToken.None));

        await Catalog.CommitDetectionAsync(new DetectionCommit
        {
            Consumer = "detect/x", ExpectedVersion = 1, SnapshotId = 2, Fingerprint = "f",
            Cursors = [new SeriesCursor(series, 300, 20, [4])],
            Anomalies = [open with { EndTsMs = 260, PeakScore = 80, LastRunId = "r2", IsOpen = false }],
        }, CancellationToken.None);
        var window = Assert.Single(await Catalog.ListAnomaliesAsync(new AnomalyFilter { Consumer = "detect/x" }, CancellationToken.None));
        Assert.Equal((260L, 80.0, "r1", "r2", false), (window.EndTsMs, window.PeakScore, window.FirstRunId, window.LastRunId, window.IsOpen));
        Assert.Empty(await Catalog.ListAnomaliesAsync(new AnomalyFilter { MinScore = 90 }, CancellationToken.None));
        Assert.Empty(await Catalog.ListAnomaliesAsync(new AnomalyFilter { FromMs = 261 }, CancellationToken.None));
        Assert.Single(await Catalog.ListAnomaliesAsync(new AnomalyFilter { SeriesIds = [series], ToMs = 101, Limit = 5 }, CancellationToken.None));

        await Catalog.CommitDetectionAsync(new DetectionCommit
        {
            Consumer = "detect/x", ExpectedVersion = 2, SnapshotId = 3, Fingerprint = "f", ResetSeries = [series],
        }, CancellationToken.None);
        Assert.Empty(await Catalog.ListAnomaliesAsync(new AnomalyFilter(), CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_commits_from_many_writers_all_land_with_distinct_consecutive_snapshots()
    {
        var tasks = Enumerable.Range(0, 16).Select(i => Catalog.CommitSnapshotAsync(
            new SnapshotCommit { Operation = "ingest", AddedFiles = [File($"f{i}.parquet")] }, CancellationToken.None));
        long[] ids = await Task.WhenAll(tasks);
        Assert.Equal(Enumerable.Range(1, 16).Select(i => (long)i), ids.Order());
        Assert.Equal(16, (await Catalog.ListFilesAsync(16, CancellationToken.None)).Count);
    }
}
