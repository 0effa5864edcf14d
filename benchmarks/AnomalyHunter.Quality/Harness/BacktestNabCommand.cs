using System.Diagnostics;
using System.Globalization;
using AnomalyHunter.Jobs.Backtest;
using AnomalyHunter.Jobs.Detect;
using AnomalyHunter.Jobs.Framework;
using AnomalyHunter.Jobs.Ingest;
using AnomalyHunter.Lakehouse.Ingest;
using AnomalyHunter.Lakehouse.Sqlite;
using AnomalyHunter.Quality.Nab;
using Serilog;

namespace AnomalyHunter.Quality.Harness;

/// <summary>
/// Scores nab-open through the product itself: the backtest replays the corpus through ingest and detect (SQLite catalog,
/// Parquet lake, daily batches) and writes scored copies, which are then scored with the NAB rules row by row.
/// </summary>
public static class BacktestNabCommand
{
    /// <summary>Runs the backtest into a temporary folder and prints the NAB figures.</summary>
    public static async Task<int> RunAsync(string dataPath, string detector, IReadOnlyList<string> overrides, bool perFile, string batch)
    {
        IReadOnlyList<NabSeries> corpus = NabCorpus.Load(dataPath);
        string work = Directory.CreateTempSubdirectory("ah-nab-backtest-").FullName;
        try
        {
            var clock = Stopwatch.StartNew();
            await using (var catalog = new SqliteCatalog(Path.Combine(work, "catalog.db"), TimeProvider.System))
            {
                await catalog.MigrateAsync(CancellationToken.None);
                var lake = new Lake(catalog, Path.Combine(work, "lake"), TimeProvider.System, new LoggerConfiguration().CreateLogger());
                var runner = new BacktestRunner(
                    lake,
                    DetectorCatalog.Create(detector, overrides),
                    new DetectOptions(),
                    new IngestJobOptions { RemovedFileRetention = TimeSpan.Zero },
                    new BacktestOptions { Batch = TimeSpan.Parse(batch, CultureInfo.InvariantCulture) });
                var options = new IngestOptions();
                await runner.RunAsync(
                    Path.Combine(dataPath, "data"),
                    Path.Combine(work, "out"),
                    (path, ct) => SourceFileReader.ReadAsync(path, options, TimeProvider.System, ct),
                    new FolderQuarantineSink(Path.Combine(work, "quarantine"), "nab"),
                    null,
                    CancellationToken.None);
            }

            var scored = corpus.Select(s => new NabScoredSeries(s, ReadScores(Path.Combine(work, "out", s.Category, s.Name + ".csv"), s.Values.Length))).ToList();
            return NabCommand.Report(scored, detector, overrides, clock.Elapsed, perFile, "replayed through ingest + detect (backtest)");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static double[] ReadScores(string path, int rows)
    {
        var scores = File.ReadLines(path).Skip(1).Select(l => double.Parse(l[(l.LastIndexOf(',') + 1)..], CultureInfo.InvariantCulture)).ToArray();
        if (scores.Length != rows)
        {
            throw new InvalidDataException($"{path} has {scores.Length} rows; the input has {rows}.");
        }

        return scores;
    }
}
