using AnomalyHunter.Jobs.Compact;
using AnomalyHunter.Jobs.Ingest;
using AnomalyHunter.Jobs.Tests.Support;
using AnomalyHunter.Lakehouse.DuckDb;
using AnomalyHunter.Lakehouse.Model;
using DuckDB.NET.Data;

namespace AnomalyHunter.Jobs.Tests.Lakehouse;

public sealed class DuckDbReadsTheLakeTests
{
    private static readonly long Start = new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private static List<(SeriesKey, long, double)> Rows(string tenant, int days, int series)
    {
        var rows = new List<(SeriesKey, long, double)>();
        for (int s = 0; s < series; s++)
        {
            var key = new SeriesKey(tenant, "eu-west", "latency", [new("host", $"h{s}")]);
            for (long t = Start; t < Start + (days * 86_400_000L); t += 60_000)
            {
                rows.Add((key, t, s + ((t - Start) / 60_000 % 100)));
            }
        }

        return rows;
    }

    private static async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new DuckDBConnection("DataSource=:memory:");
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return await cmd.ExecuteScalarAsync();
    }

    [Fact]
    public async Task DuckDB_reads_the_lake_with_hive_partitioning_and_filters_on_time_correctly()
    {
        await using var lake = await TestLake.CreateAsync();
        var job = new IngestJob(lake.Lake, new IngestJobOptions());
        await job.RunAsync([MemorySources.From("a", Rows("acme", 3, 4)), MemorySources.From("b", Rows("globex co", 3, 2))],
            new FolderQuarantineSink(Path.Combine(lake.Root, "q"), "t"), null, CancellationToken.None);
        string glob = Path.Combine(lake.Root, "lake", "metrics", "**", "*.parquet");

        Assert.Equal(6L * 3 * 1440, await ScalarAsync($"SELECT count(*) FROM read_parquet('{glob}', hive_partitioning = true)"));
        // The trap this guards against: wrong row-group statistics make DuckDB skip every row group under a time filter.
        long from = Start + (86_400_000L * 2) + (3_600_000L * 5);
        string iso = DateTimeOffset.FromUnixTimeMilliseconds(from).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(6L * ((24 - 5) * 60), await ScalarAsync($"SELECT count(*) FROM read_parquet('{glob}', hive_partitioning = true) WHERE ts >= TIMESTAMPTZ '{iso}+00'"));
        Assert.Equal(2L * 1440, await ScalarAsync($"SELECT count(*) FROM read_parquet('{glob}', hive_partitioning = true) WHERE tenant = 'globex co' AND date = DATE '2024-05-02'"));
        Assert.Equal("TIMESTAMP WITH TIME ZONE", await ScalarAsync($"SELECT typeof(ts) FROM read_parquet('{glob}') LIMIT 1"));
        Assert.Equal(4L, await ScalarAsync($"SELECT count(DISTINCT series_key) FROM read_parquet('{glob}', hive_partitioning = true) WHERE tenant = 'acme'"));
    }

    [Fact]
    public async Task A_session_on_an_old_snapshot_reads_the_files_of_that_snapshot_only()
    {
        await using var lake = await TestLake.CreateAsync();
        var job = new IngestJob(lake.Lake, new IngestJobOptions());
        var sink = new FolderQuarantineSink(Path.Combine(lake.Root, "q"), "t");
        var all = Rows("acme", 1, 2);
        await job.RunAsync([MemorySources.From("first", all.Take(1000).ToList())], sink, null, CancellationToken.None);
        await job.RunAsync([MemorySources.From("second", all.Skip(1000).ToList())], sink, null, CancellationToken.None);
        var compacted = await new CompactJob(lake.Lake, new CompactOptions()).RunAsync(null, CancellationToken.None);
        Assert.Equal(1, compacted.Partitions);

        await using (var old = await LakeSqlSession.OpenAsync(lake.Lake.Catalog, lake.Lake.Layout, 1, CancellationToken.None))
        {
            var (_, rows) = await old.QueryAsync("SELECT count(*) FROM metrics", 1, CancellationToken.None);
            Assert.Equal(1000L, rows[0][0]);
        }

        await using var now = await LakeSqlSession.OpenAsync(lake.Lake.Catalog, lake.Lake.Layout, null, CancellationToken.None);
        var (columns, result) = await now.QueryAsync(
            "SELECT s.labels['host'] AS host, count(*) AS n FROM metrics m JOIN series s USING (series_id) GROUP BY ALL ORDER BY host", 10, CancellationToken.None);
        Assert.Equal(["host", "n"], columns);
        Assert.Equal([("h0", 1440L), ("h1", 1440L)], result.Select(r => ((string)r[0]!, (long)r[1]!)));
    }
}
