using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AnomalyHunter.Lakehouse.Sqlite;
using AnomalyHunter.Scheduler.Tests.Support;
using DuckDB.NET.Data;
using Xunit.Abstractions;

namespace AnomalyHunter.Scheduler.Tests;

/// <summary>
/// Kills the real program with SIGKILL at random moments during ingest, detect and compact, many times; after every kill
/// the catalog and the files must agree and every visible file must be complete, and after reruns the final rows and
/// anomalies must equal those of an uninterrupted run.
/// </summary>
public sealed class CrashSafetyTests : IDisposable
{
    private const int Days = 12;
    private const int Hosts = 12;
    private readonly string _root = Directory.CreateTempSubdirectory("ah-crash-").FullName;
    private readonly ITestOutputHelper _output;

    public CrashSafetyTests(ITestOutputHelper output) => _output = output;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static readonly Dictionary<string, string> Environment = new()
    {
        // Small commits, so a kill can fall between two commits of one ingest.
        ["ANOMALYHUNTER_Lakehouse__CommitRows"] = "20000",
        ["ANOMALYHUNTER_Lakehouse__RemovedFileRetention"] = "00:00:00",
    };

    private string WriteInputs()
    {
        string dir = Path.Combine(_root, "input");
        Directory.CreateDirectory(dir);
        var rng = new Random(11);
        var start = new DateTime(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc);
        for (int d = 0; d < Days; d++)
        {
            var sb = new StringBuilder("timestamp,metric,value,host\n");
            for (int h = 0; h < Hosts; h++)
            {
                for (int m = 0; m < 288; m++)
                {
                    var t = start.AddDays(d).AddMinutes(5 * m);
                    double v = 40 + (10 * Math.Sin(2 * Math.PI * m / 288)) + (rng.NextDouble() * 3) + (rng.Next(400) == 0 ? 40 : 0);
                    sb.Append(CultureInfo.InvariantCulture, $"{t:yyyy-MM-ddTHH:mm:ssZ},cpu,{v:R},h{h}\n");
                }
            }

            // A few bad rows per file, so quarantine is part of what must survive.
            sb.Append("not-a-time,cpu,1,h0\n2024-06-01T00:00:00Z,cpu,NaN,h0\n");
            File.WriteAllText(Path.Combine(dir, $"day-{d:D2}.csv"), sb.ToString());
        }

        return dir;
    }

    private static string[] Step(string name, string dataDir, string input) => name switch
    {
        "ingest-a" => ["ingest", "--data-dir", dataDir, .. Directory.GetFiles(input).Order(StringComparer.Ordinal).Take(Days / 2)],
        "ingest-b" => ["ingest", "--data-dir", dataDir, input],
        "detect" => ["detect", "--data-dir", dataDir],
        "compact" => ["compact", "--data-dir", dataDir],
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static readonly string[] Pipeline = ["ingest-a", "detect", "ingest-b", "detect", "compact"];

    [Fact]
    public async Task Killing_the_program_at_random_moments_never_leaves_visible_partial_data_and_reruns_reach_the_same_result()
    {
        string input = WriteInputs();
        string reference = Path.Combine(_root, "reference");

        // Kill moments are drawn within each step's measured duration, so the test kills mid-run on fast and slow
        // machines alike.
        var durations = new TimeSpan[Pipeline.Length];
        for (int s = 0; s < Pipeline.Length; s++)
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            var run = await CliProcess.RunAsync(Step(Pipeline[s], reference, input), Environment);
            Assert.True(run.ExitCode == 0, $"{Pipeline[s]}: {run.Stderr}");
            durations[s] = started.Elapsed;
        }

        var expected = await StateAsync(reference);
        Assert.NotEmpty(expected.Anomalies);

        var rng = new Random(2024);
        int kills = 0;
        for (int round = 0; round < 3; round++)
        {
            string dataDir = Path.Combine(_root, $"crash-{round}");
            for (int s = 0; s < Pipeline.Length; s++)
            {
                string step = Pipeline[s];
                for (int attempt = 0; ; attempt++)
                {
                    // Early attempts are killed at a random moment; the last one runs to completion.
                    TimeSpan? killAfter = attempt < 3 ? durations[s] * (0.1 + (0.8 * rng.NextDouble())) : null;
                    var started = System.Diagnostics.Stopwatch.StartNew();
                    var run = await CliProcess.RunAsync(Step(step, dataDir, input), Environment, killAfter);
                    if (run.Killed)
                    {
                        kills++;
                        await AssertConsistentAsync(dataDir);
                        continue;
                    }

                    // why: a step that finished before its kill moment ran faster than the reference run (a loaded
                    // machine then, or warm caches now); later rounds draw their moments within the faster duration.
                    durations[s] = started.Elapsed < durations[s] ? started.Elapsed : durations[s];

                    Assert.True(run.ExitCode == 0, $"{step} after {attempt} kills: {run.Stderr}");
                    break;
                }
            }

            var actual = await StateAsync(dataDir);
            Assert.Equal(expected.Rows, actual.Rows);
            Assert.Equal(expected.Anomalies, actual.Anomalies);
            Assert.Equal(expected.QuarantineReasons, actual.QuarantineReasons.Intersect(expected.QuarantineReasons));
        }

        _output.WriteLine($"{kills} kills survived");
        Assert.True(kills >= 10, $"only {kills} runs were killed before finishing");
    }

    private sealed record LakeState(string Rows, IReadOnlyList<string> Anomalies, IReadOnlyList<string> QuarantineReasons);

    private static async Task<LakeState> StateAsync(string dataDir)
    {
        await using var catalog = new SqliteCatalog(Path.Combine(dataDir, "catalog.db"), TimeProvider.System);
        long head = await catalog.CurrentSnapshotAsync(CancellationToken.None);
        var files = await catalog.ListFilesAsync(head, CancellationToken.None);
        var rows = await ReadAllAsync(files.Select(f => Path.Combine(dataDir, "lake", f.Path)).ToList());
        var anomalies = (await catalog.ListAnomaliesAsync(new Lakehouse.Catalog.AnomalyFilter(), CancellationToken.None))
            .Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.AnomalyId}|{a.SeriesId}|{a.StartTsMs}|{a.EndTsMs}|{a.PeakScore:R}|{a.PointCount}|{a.IsOpen}"))
            .Order(StringComparer.Ordinal).ToList();
        var quarantine = Directory.Exists(Path.Combine(dataDir, "quarantine"))
            ? Directory.GetFiles(Path.Combine(dataDir, "quarantine"), "*.csv").SelectMany(f => File.ReadAllLines(f).Skip(1))
                .Select(l => string.Join(',', l.Split(',').Take(3))).Distinct().Order(StringComparer.Ordinal).ToList()
            : [];
        return new LakeState(rows, anomalies, quarantine);
    }

    private static async Task<string> ReadAllAsync(IReadOnlyList<string> files)
    {
        if (files.Count == 0)
        {
            return string.Empty;
        }

        await using var connection = new DuckDBConnection("DataSource=:memory:");
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT string_agg(series_key || '|' || epoch_ms(ts) || '|' || value::VARCHAR, ';' ORDER BY series_key, ts) FROM read_parquet([" +
            string.Join(',', files.Select(f => "'" + f + "'")) + "])";
        string all = (string)(await cmd.ExecuteScalarAsync())!;
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(all))) + $" ({all.Length} chars)";
    }

    private static async Task AssertConsistentAsync(string dataDir)
    {
        string lake = Path.Combine(dataDir, "lake");
        if (!File.Exists(Path.Combine(dataDir, "catalog.db")))
        {
            return;
        }

        await using var catalog = new SqliteCatalog(Path.Combine(dataDir, "catalog.db"), TimeProvider.System);
        await catalog.MigrateAsync(CancellationToken.None);
        long head = await catalog.CurrentSnapshotAsync(CancellationToken.None);
        var live = await catalog.ListFilesAsync(head, CancellationToken.None);
        foreach (var file in live)
        {
            string path = Path.Combine(lake, file.Path);
            Assert.True(File.Exists(path), $"committed file {file.Path} is missing");
            Assert.Equal(file.Sha256, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path))));
        }

        // Every file a glob reader can see is a complete Parquet file (partial writes only ever exist as *.tmp).
        var visible = Directory.Exists(lake) ? Directory.GetFiles(lake, "*.parquet", SearchOption.AllDirectories) : [];
        if (visible.Length > 0)
        {
            _ = await ReadAllAsync(visible);
        }

        var known = (await catalog.ListFilesAsync(head, CancellationToken.None)).Select(f => f.Path)
            .Concat((await catalog.ListRemovedFilesAsync(head, CancellationToken.None)).Select(f => f.Path))
            .Concat((await catalog.ListPendingFilesAsync(CancellationToken.None)).Select(p => p.Path))
            .ToHashSet(StringComparer.Ordinal);
        foreach (string path in visible)
        {
            string relative = Path.GetRelativePath(lake, path).Replace(Path.DirectorySeparatorChar, '/');
            Assert.True(known.Contains(relative), $"{relative} is on disk but unknown to the catalog");
        }
    }
}
