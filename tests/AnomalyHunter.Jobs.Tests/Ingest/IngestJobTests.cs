using AnomalyHunter.Jobs.Ingest;
using AnomalyHunter.Jobs.Tests.Support;
using AnomalyHunter.Lakehouse.Ingest;
using AnomalyHunter.Lakehouse.Model;
using AnomalyHunter.Lakehouse.Storage;

namespace AnomalyHunter.Jobs.Tests.Ingest;

public sealed class IngestJobTests
{
    private static readonly long T0 = new DateTimeOffset(2024, 2, 28, 23, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private static readonly SeriesKey Cpu = new("acme", "eu", "cpu", [new("host", "a")]);
    private static readonly SeriesKey Mem = new("acme", "us", "mem", [new("host", "a")]);

    private static async Task<List<(long Series, long Ts, double Value)>> StoredAsync(TestLake lake)
    {
        long head = await lake.Lake.Catalog.CurrentSnapshotAsync(CancellationToken.None);
        var rows = new List<(long, long, double)>();
        foreach (var file in await lake.Lake.Catalog.ListFilesAsync(head, CancellationToken.None))
        {
            var block = await lake.Lake.Files.ReadAsync(file, null, CancellationToken.None);
            for (int i = 0; i < block.Count; i++)
            {
                rows.Add((block.SeriesIds[i], block.TimestampsMs[i], block.Values[i]));
            }
        }

        return [.. rows.Order()];
    }

    private static async Task<List<string[]>> QuarantineRowsAsync(TestLake lake)
    {
        string folder = Path.Combine(lake.Root, "q");
        return !Directory.Exists(folder)
            ? []
            : [.. (await Task.WhenAll(Directory.GetFiles(folder).Select(f => File.ReadAllLinesAsync(f))))
                .SelectMany(lines => lines.Skip(1)).Select(l => l.Split(','))];
    }

    [Fact]
    public async Task Rows_land_in_partitions_by_tenant_region_and_utc_date_sorted_by_series_then_time()
    {
        await using var lake = await TestLake.CreateAsync();
        var rows = new List<(SeriesKey, long, double)>
        {
            (Mem, T0 + 7_200_000, 3), (Cpu, T0 + 3_600_000, 2), (Cpu, T0, 1), (Mem, T0, 4), (Cpu, T0 + 60_000, 1.5),
        };
        var result = await new IngestJob(lake.Lake, new IngestJobOptions()).RunAsync(
            [MemorySources.From("x", rows)], new FolderQuarantineSink(Path.Combine(lake.Root, "q"), "r"), null, CancellationToken.None);

        Assert.Equal((5L, 2), (result.RowsStored, result.Series));
        var files = await lake.Lake.Catalog.ListFilesAsync(result.SnapshotId!.Value, CancellationToken.None);
        Assert.Equal(
            ["metrics/tenant=acme/region=eu/date=2024-02-28", "metrics/tenant=acme/region=eu/date=2024-02-29",
             "metrics/tenant=acme/region=us/date=2024-02-28", "metrics/tenant=acme/region=us/date=2024-02-29"],
            files.Select(f => f.Path[..f.Path.LastIndexOf('/')]).Order(StringComparer.Ordinal));
        var feb29 = files.Single(f => f.Path.Contains("region=eu/date=2024-02-29", StringComparison.Ordinal));
        var block = await lake.Lake.Files.ReadAsync(feb29, null, CancellationToken.None);
        Assert.Equal([T0 + 3_600_000], block.TimestampsMs.Take(block.Count));
        Assert.Equal(await LakeFileStore.HashAsync(lake.Lake.Layout.Absolute(feb29.Path), CancellationToken.None), feb29.Sha256);
        Assert.Empty(Directory.GetFiles(lake.Lake.Layout.Root, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Keep_first_quarantines_later_duplicates_from_the_batch_and_from_the_store()
    {
        await using var lake = await TestLake.CreateAsync();
        var job = new IngestJob(lake.Lake, new IngestJobOptions { Duplicates = DuplicatePolicy.KeepFirst });
        var sink = new FolderQuarantineSink(Path.Combine(lake.Root, "q"), "r");
        await job.RunAsync([MemorySources.From("one", [(Cpu, T0, 1), (Cpu, T0, 9), (Cpu, T0 + 60_000, 2)])], sink, null, CancellationToken.None);
        var second = await job.RunAsync([MemorySources.From("two", [(Cpu, T0 + 60_000, 7), (Cpu, T0 + 120_000, 3)])], sink, null, CancellationToken.None);

        Assert.Equal(1, second.RowsStored);
        Assert.Equal([1.0, 2.0, 3.0], (await StoredAsync(lake)).Select(r => r.Value));
        var quarantined = await QuarantineRowsAsync(lake);
        Assert.Equal(2, quarantined.Count);
        Assert.All(quarantined, q => Assert.Equal("duplicate", q[2]));
        Assert.Contains(quarantined, q => q[0] == "one" && q[1] == "3");
        Assert.Contains(quarantined, q => q[0] == "two" && q[1] == "2");
    }

    [Fact]
    public async Task Keep_last_replaces_stored_values_and_quarantines_the_replaced_ones()
    {
        await using var lake = await TestLake.CreateAsync();
        var job = new IngestJob(lake.Lake, new IngestJobOptions { Duplicates = DuplicatePolicy.KeepLast, RemovedFileRetention = TimeSpan.Zero });
        var sink = new FolderQuarantineSink(Path.Combine(lake.Root, "q"), "r");
        await job.RunAsync([MemorySources.From("one", [(Cpu, T0, 1), (Cpu, T0 + 60_000, 2), (Mem, T0, 5)])], sink, null, CancellationToken.None);
        var second = await job.RunAsync([MemorySources.From("two", [(Cpu, T0 + 60_000, 7), (Cpu, T0, 6), (Cpu, T0, 8)])], sink, null, CancellationToken.None);

        Assert.Equal(2, second.RowsStored);
        Assert.Equal([5.0, 7.0, 8.0], (await StoredAsync(lake)).Select(r => r.Value).Order());
        Assert.Equal(3, (await QuarantineRowsAsync(lake)).Count);
        var changes = await lake.Lake.Catalog.ListChangesAsync(1, second.SnapshotId!.Value, CancellationToken.None);
        var change = Assert.Single(changes);
        Assert.Equal((T0, T0 + 60_000, 2L), (change.MinTsMs, change.MaxTsMs, change.RowCount));
        int files = Directory.GetFiles(lake.Lake.Layout.Root, "*.parquet", SearchOption.AllDirectories).Length;
        Assert.Equal((await lake.Lake.Catalog.ListFilesAsync(second.SnapshotId.Value, CancellationToken.None)).Count, files);
    }

    [Fact]
    public async Task A_source_with_the_same_content_is_skipped_on_a_rerun()
    {
        await using var lake = await TestLake.CreateAsync();
        var job = new IngestJob(lake.Lake, new IngestJobOptions());
        var sink = new FolderQuarantineSink(Path.Combine(lake.Root, "q"), "r");
        var source = MemorySources.From("same", [(Cpu, T0, 1), (Cpu, T0 + 60_000, 2)]);
        await job.RunAsync([source], sink, null, CancellationToken.None);
        var again = await job.RunAsync([source, source], sink, null, CancellationToken.None);

        Assert.Equal((2, 0L, (long?)null), (again.SkippedSources, again.RowsStored, again.SnapshotId));
        Assert.Equal(2, (await StoredAsync(lake)).Count);
        Assert.Empty(await QuarantineRowsAsync(lake));
    }

    [Fact]
    public async Task Small_commit_batches_store_the_same_rows_as_one_commit()
    {
        var sources = Enumerable.Range(0, 5).Select(i => MemorySources.From($"s{i}",
            [.. Enumerable.Range(0, 5000).Select(k => (k % 2 == 0 ? Cpu : Mem, T0 + ((k + (i * 2500)) * 60_000L), (double)k))])).ToList();
        await using var small = await TestLake.CreateAsync();
        await using var large = await TestLake.CreateAsync();
        await new IngestJob(small.Lake, new IngestJobOptions { CommitRows = 10_000 }).RunAsync(sources, new FolderQuarantineSink(Path.Combine(small.Root, "q"), "r"), null, CancellationToken.None);
        await new IngestJob(large.Lake, new IngestJobOptions()).RunAsync(sources, new FolderQuarantineSink(Path.Combine(large.Root, "q"), "r"), null, CancellationToken.None);

        Assert.Equal(await StoredAsync(large), await StoredAsync(small));
        Assert.Equal((await QuarantineRowsAsync(large)).Count, (await QuarantineRowsAsync(small)).Count);
        Assert.True((await small.Lake.Catalog.ListSnapshotsAsync(CancellationToken.None)).Count > 1);
    }
}
