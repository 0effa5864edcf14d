using System.Diagnostics;
using System.Globalization;
using AnomalyHunter.Jobs.Detect;
using AnomalyHunter.Jobs.Framework;
using AnomalyHunter.Jobs.Ingest;
using AnomalyHunter.Lakehouse.Ingest;
using AnomalyHunter.Lakehouse.Sqlite;
using AnomalyHunter.Lakehouse.Storage;
using AnomalyHunter.Synthetic.Generation;
using AnomalyHunter.Synthetic.Options;
using AnomalyHunter.Synthetic.Output;
using AnomalyHunter.Udfs.Detection;
using DuckDB.NET.Data;
using Serilog;

namespace AnomalyHunter.Benchmarks;

/// <summary>
/// End-to-end throughput of the pipeline on generated data: ingest of a ~10-million-row long CSV and of the same rows as
/// Parquet, and detect over the stored points, each with peak resident memory, next to DuckDB doing comparable work in
/// the same process (CSV → Parquet conversion; a SQL robust-statistics pass) as the baseline.
/// </summary>
internal static class PipelineBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        string work = args.Length > 0 ? Path.GetFullPath(args[0]) : Path.Combine(Path.GetTempPath(), "anomaly-hunter-pipeline-bench");
        Directory.CreateDirectory(work);
        var inv = CultureInfo.InvariantCulture;
        await using var memory = new PeakMemorySampler();
        var log = new LoggerConfiguration().CreateLogger();

        string csv = Path.Combine(work, "input.csv");
        string parquet = Path.Combine(work, "input.parquet");
        if (!File.Exists(csv))
        {
            Console.WriteLine("Generating the 10-million-row long CSV (synthetic, seeded) ...");
            await LongCsvWriter.WriteAsync(new SyntheticGenerator(SyntheticOptions.IngestBenchmark), csv, CancellationToken.None);
        }

        long csvBytes = new FileInfo(csv).Length;
        Console.WriteLine(string.Create(inv, $"input: {csv} ({csvBytes / 1e6:F0} MB)"));

        // Baseline: DuckDB parses the same CSV and writes Parquet (Zstd) — the work ingest does, minus validation and the catalog.
        memory.Reset();
        var clock = Stopwatch.StartNew();
        long duckRows = await ExecuteAsync($"COPY (SELECT * FROM read_csv('{csv}')) TO '{parquet}' (FORMAT parquet, COMPRESSION zstd)");
        double duckSeconds = clock.Elapsed.TotalSeconds;
        Report("baseline: DuckDB CSV → Parquet", duckRows, duckSeconds, memory.Peak);

        var (rows, seconds, peak, lakeDir) = await IngestAsync(work, "lake-csv", csv, memory, log);
        Report("ingest CSV (parse, validate, dedupe, partition, Parquet, commit)", rows, seconds, peak);
        Console.WriteLine(string.Create(inv, $"    = {duckSeconds / seconds:F2} × the DuckDB baseline's rate"));
        var (prows, pseconds, ppeak, _) = await IngestAsync(work, "lake-parquet", parquet, memory, log);
        Report("ingest Parquet", prows, pseconds, ppeak);

        await using (var catalog = new SqliteCatalog(Path.Combine(lakeDir, "catalog.db"), TimeProvider.System))
        {
            var lake = new Lake(catalog, Path.Combine(lakeDir, "lake"), TimeProvider.System, log);
            memory.Reset();
            clock.Restart();
            var result = await new DetectJob(lake, new RobustZScorerFactory(new RobustZOptions()), new DetectOptions()).RunAsync(null, CancellationToken.None);
            Report($"detect ({result.Series} series, robust-z, read + score + windows + commit)", result.Points, clock.Elapsed.TotalSeconds, memory.Peak);
            double detectSeconds = clock.Elapsed.TotalSeconds;

            memory.Reset();
            clock.Restart();
            string files = string.Join(',', (await catalog.ListFilesAsync(await catalog.CurrentSnapshotAsync(CancellationToken.None), CancellationToken.None))
                .Select(f => "'" + lake.Layout.Absolute(f.Path) + "'"));
            long flagged = await ScalarAsync(
                $"WITH p AS (SELECT series_id, ts, value FROM read_parquet([{files}])), " +
                "m AS (SELECT series_id, median(value) AS med FROM p GROUP BY series_id), " +
                "d AS (SELECT series_id, med, median(abs(value - med)) AS mad FROM p JOIN m USING (series_id) GROUP BY series_id, med), " +
                "z AS (SELECT abs(value - avg(value) OVER w) / nullif(stddev_pop(value) OVER w, 0) AS rz, abs(value - med) / nullif(1.4826 * mad, 0) AS gz " +
                "      FROM p JOIN d USING (series_id) WINDOW w AS (PARTITION BY series_id ORDER BY ts ROWS BETWEEN 60 PRECEDING AND 1 PRECEDING)) " +
                "SELECT count(*) FILTER (WHERE rz > 5 OR gz > 5) FROM z");
            double baseline = clock.Elapsed.TotalSeconds;
            Report($"baseline: DuckDB SQL median/MAD + 60-point rolling z ({flagged} flagged)", result.Points, baseline, memory.Peak);
            Console.WriteLine(string.Create(inv, $"    detect = {baseline / detectSeconds:F2} × the DuckDB baseline's rate"));
        }

        return 0;
    }

    private static async Task<(long Rows, double Seconds, long Peak, string LakeDir)> IngestAsync(
        string work, string name, string input, PeakMemorySampler memory, ILogger log)
    {
        string dir = Path.Combine(work, name);
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }

        await using var catalog = new SqliteCatalog(Path.Combine(dir, "catalog.db"), TimeProvider.System);
        await catalog.MigrateAsync(CancellationToken.None);
        var lake = new Lake(catalog, Path.Combine(dir, "lake"), TimeProvider.System, log);
        var options = new IngestOptions();
        memory.Reset();
        var clock = Stopwatch.StartNew();
        string sha = await LakeFileStore.HashAsync(input, CancellationToken.None);
        var result = await new IngestJob(lake, new IngestJobOptions()).RunAsync(
            [new IngestSource(input, sha, ct => SourceFileReader.ReadAsync(input, options, TimeProvider.System, ct))],
            new FolderQuarantineSink(Path.Combine(dir, "quarantine"), "bench"), null, CancellationToken.None);
        return (result.RowsStored, clock.Elapsed.TotalSeconds, memory.Peak, dir);
    }

    private static void Report(string what, long rows, double seconds, long peakBytes) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}\n    {rows:N0} rows in {seconds:F2} s = {rows / seconds / 1e6:F2} M rows/s; peak resident memory {peakBytes / 1048576.0:F0} MiB"));

    private static async Task<long> ExecuteAsync(string sql)
    {
        await using var connection = new DuckDBConnection("DataSource=:memory:");
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
#pragma warning disable CA2100 // why: benchmark SQL over generated paths.
        cmd.CommandText = sql;
#pragma warning restore CA2100
        return await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new DuckDBConnection("DataSource=:memory:");
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
#pragma warning disable CA2100 // why: benchmark SQL over generated paths.
        cmd.CommandText = sql;
#pragma warning restore CA2100
        object? value = await cmd.ExecuteScalarAsync();
        return Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }
}
