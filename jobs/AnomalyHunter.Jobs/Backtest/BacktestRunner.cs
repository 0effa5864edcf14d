using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using AnomalyHunter.Jobs.Detect;
using AnomalyHunter.Jobs.Framework;
using AnomalyHunter.Jobs.Ingest;
using AnomalyHunter.Lakehouse.Ingest;
using AnomalyHunter.Lakehouse.Model;
using AnomalyHunter.Udfs.Detection;

namespace AnomalyHunter.Jobs.Backtest;

/// <summary>
/// Replays CSV files through the real incremental pipeline — ingest a batch, detect, next batch — and writes, per input
/// file, a CSV at the same relative path with one row per input row (duplicates and quarantined rows included, in input
/// order) and the score in [0, 1] from the detect run that first saw the point.
/// </summary>
public sealed class BacktestRunner
{
    /// <summary>Label added to every series of a replayed file, so equal names in different files stay apart.</summary>
    public const string FileLabel = "backtest_file";

    private static readonly string[] CsvExtensions = [".csv", ".tsv", ".txt", ".csv.gz"];
    private readonly Lake _lake;
    private readonly ISeriesScorerFactory _factory;
    private readonly DetectOptions _detect;
    private readonly IngestJobOptions _ingest;
    private readonly BacktestOptions _options;

    /// <summary>Creates a runner over an empty lake.</summary>
    public BacktestRunner(Lake lake, ISeriesScorerFactory factory, DetectOptions detect, IngestJobOptions ingest, BacktestOptions options)
    {
        options.Validate();
        _lake = lake;
        _factory = factory;
        _detect = detect;
        _ingest = ingest;
        _options = options;
    }

    /// <summary>Replays every CSV under <paramref name="inputRoot"/> and writes the scored copies under <paramref name="outputRoot"/>.</summary>
    public async Task<BacktestResult> RunAsync(
        string inputRoot,
        string outputRoot,
        Func<string, CancellationToken, IAsyncEnumerable<SourceChunk>> read,
        IQuarantineSink quarantine,
        IProgress<(int Done, int Total)>? progress,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        string root = Path.GetFullPath(inputRoot);
        var paths = SourceFiles.Expand([root])
            .Where(p => CsvExtensions.Any(e => p.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        var keys = new List<SeriesKey>();
        var keyIndex = new Dictionary<SeriesKey, int>();
        var files = new List<BacktestFile>(paths.Count);
        foreach (string path in paths)
        {
            string relative = File.Exists(root) ? Path.GetFileName(path) : Path.GetRelativePath(root, path);
            files.Add(await LoadAsync(path, relative, read, keys, keyIndex, cancellationToken));
        }

        long batchMs = (long)_options.Batch.TotalMilliseconds;
        var batches = files.SelectMany((f, fi) => f.Rows.Select((r, ri) => (Batch: FloorDiv(r.Ts, batchMs), File: fi, Row: ri)))
            .GroupBy(x => x.Batch)
            .OrderBy(g => g.Key)
            .ToList();
        var scores = new ConcurrentDictionary<(long Series, long Ts), double>();
        var sink = new FirstScoreSink(scores);
        var ingest = new IngestJob(_lake, _ingest);
        var detect = new DetectJob(_lake, _factory, _detect);
        long quarantined = files.Sum(f => f.Rejected.Count);
        await quarantine.PublishAsync([.. files.SelectMany(f => f.Rejected)], cancellationToken);
        for (int b = 0; b < batches.Count; b++)
        {
            var rows = batches[b].ToList();
            var source = MemorySource.Create(
                string.Create(CultureInfo.InvariantCulture, $"backtest-batch-{batches[b].Key}"),
                keys,
                [.. rows.Select(r => files[r.File].Rows[r.Row].Key)],
                [.. rows.Select(r => files[r.File].Rows[r.Row].Ts)],
                [.. rows.Select(r => files[r.File].Rows[r.Row].Value)],
                [.. rows.Select(r => files[r.File].Rows[r.Row].Line)],
                rows.Count);
            var ingested = await ingest.RunAsync([source], quarantine, null, cancellationToken);
            quarantined += ingested.Quarantined.Values.Sum();
            await detect.RunAsync(sink, cancellationToken);
            progress?.Report((b + 1, batches.Count));
        }

        var ids = keys.Count == 0 ? [] : await _lake.Catalog.ResolveSeriesAsync(keys, cancellationToken);
        var outputs = new List<string>(files.Count);
        foreach (var file in files)
        {
            outputs.Add(await WriteAsync(file, Path.Combine(outputRoot, file.RelativePath), keys, ids, scores, cancellationToken));
        }

        return new BacktestResult(files.Count, files.Sum(f => (long)f.Rows.Count + f.Rejected.Count(r => r.Line > 0)), scores.Count, batches.Count,
            quarantined, clock.ElapsedMilliseconds, outputs);
    }

    private static async Task<BacktestFile> LoadAsync(
        string path,
        string relative,
        Func<string, CancellationToken, IAsyncEnumerable<SourceChunk>> read,
        List<SeriesKey> keys,
        Dictionary<SeriesKey, int> keyIndex,
        CancellationToken cancellationToken)
    {
        var file = new BacktestFile(path, relative.Replace(Path.DirectorySeparatorChar, '/'));
        var local = new List<int>();
        await foreach (var chunk in read(path, cancellationToken).WithCancellation(cancellationToken))
        {
            file.Rejected.AddRange(chunk.Rejected);
            for (int k = local.Count; k < chunk.Keys.Count; k++)
            {
                var tagged = BacktestFile.Tag(chunk.Keys[k], file.RelativePath);
                if (!keyIndex.TryGetValue(tagged, out int global))
                {
                    global = keys.Count;
                    keys.Add(tagged);
                    keyIndex.Add(tagged, global);
                }

                local.Add(global);
            }

            for (int i = 0; i < chunk.Count; i++)
            {
                int key = local[chunk.KeyIndex[i]];
                file.KeysUsed.Add(key);
                file.Rows.Add((key, chunk.TimestampsMs[i], chunk.Values[i], chunk.LineNumbers[i]));
            }
        }

        return file;
    }

    private static async Task<string> WriteAsync(
        BacktestFile file,
        string output,
        List<SeriesKey> keys,
        IReadOnlyList<long> ids,
        ConcurrentDictionary<(long Series, long Ts), double> scores,
        CancellationToken cancellationToken)
    {
        if (output.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            output = output[..^3];
        }

        bool multi = file.KeysUsed.Count > 1;
        var lines = file.Rows.Select(r =>
            {
                double score = scores.TryGetValue((ids[r.Key], r.Ts), out double s) ? s / ScoreScale.Max : 0.0;
                string ts = DateTimeOffset.FromUnixTimeMilliseconds(r.Ts).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                string series = multi ? Csv(keys[r.Key].Canonical) + "," : string.Empty;
                return (r.Line, Text: string.Create(CultureInfo.InvariantCulture, $"{ts},{series}{r.Value:R},{score:R}"));
            })
            .Concat(file.Rejected.Where(q => q.Line > 0).Select(q => (q.Line, Text: Rejected(q, multi))))
            .OrderBy(l => l.Line);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        string temporary = output + ".tmp";
        var sb = new StringBuilder(multi ? "timestamp,series,value,anomaly_score\n" : "timestamp,value,anomaly_score\n");
        foreach (var line in lines)
        {
            sb.Append(line.Text).Append('\n');
        }

        await File.WriteAllTextAsync(temporary, sb.ToString(), cancellationToken);
        File.Move(temporary, output, overwrite: true);
        return output;
    }

    private static string Rejected(QuarantinedRow row, bool multi)
    {
        // why: a quarantined row still gets its output row (score 0), with the raw text kept where it fits.
        string raw = row.Raw.Replace("\n", " ", StringComparison.Ordinal);
        return multi ? $"{Csv(raw)},,,0" : $"{Csv(raw)},,0";
    }

    private static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : ((a + 1) / b) - 1;

    private sealed class FirstScoreSink(ConcurrentDictionary<(long Series, long Ts), double> scores) : IPointScoreSink
    {
        public void OnScores(long seriesId, ReadOnlySpan<long> timestampsMs, ReadOnlySpan<double> values, ReadOnlySpan<double> pointScores, ReadOnlySpan<double> alerts)
        {
            // why: the replayed score is the alert score — what a scheduled run would have raised when it first saw the point.
            for (int i = 0; i < timestampsMs.Length; i++)
            {
                scores.TryAdd((seriesId, timestampsMs[i]), alerts[i]);
            }
        }
    }
}
