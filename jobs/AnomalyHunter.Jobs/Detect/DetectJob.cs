using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AnomalyHunter.Jobs.Framework;
using AnomalyHunter.Lakehouse.Catalog;
using AnomalyHunter.Lakehouse.Storage;
using AnomalyHunter.Udfs.Detection;

namespace AnomalyHunter.Jobs.Detect;

/// <summary>
/// Scores what is new since the consumer's last snapshot. Each series continues from its saved state at its watermark,
/// so daily runs give the scores of one backfill; a series that received data at or before its watermark (late data) is
/// re-scored from its first point and its windows are replaced. Everything the run learns commits in one transaction.
/// </summary>
public sealed class DetectJob
{
    private readonly Lake _lake;
    private readonly PassSet _passes;
    private readonly DetectOptions _options;

    /// <summary>Creates the job for one detector configuration with a single pass.</summary>
    public DetectJob(Lake lake, ISeriesScorerFactory factory, DetectOptions options)
        : this(lake, new PassSet([factory]), options)
    {
    }

    /// <summary>Creates the job for one detector configuration: its univariate passes and options.</summary>
    public DetectJob(Lake lake, PassSet passes, DetectOptions options)
    {
        options.Validate();
        _lake = lake;
        _passes = passes;
        _options = options;
        Consumer = ConsumerName(passes, options);
    }

    /// <summary>The consumer name: the detector name plus a hash of everything that changes its output.</summary>
    public string Consumer { get; }

    /// <summary>The consumer name of a detector configuration.</summary>
    public static string ConsumerName(PassSet passes, DetectOptions options)
    {
        string identity = string.Create(CultureInfo.InvariantCulture, $"{passes.Fingerprint}|t={options.Threshold:R}|gap={options.MergeGap}");
        return $"detect/{passes.Name}/{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..12]}";
    }

    /// <summary>Runs the job as a recorded run.</summary>
    public Task<DetectResult> RunAsync(IPointScoreSink? sink, CancellationToken cancellationToken) =>
        JobRunner.RunAsync(
            _lake,
            "detect",
            new { consumer = Consumer, detector = _passes.Fingerprint, threshold = _options.Threshold, mergeGap = _options.MergeGap },
            run => ExecuteAsync(run, sink, cancellationToken),
            cancellationToken);

    private async Task<DetectResult> ExecuteAsync(JobRun run, IPointScoreSink? sink, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await new LakeRecovery(_lake.Catalog, _lake.Layout, _lake.Time).MarkCrashedRunsAsync(cancellationToken);
        long head = await _lake.Catalog.CurrentSnapshotAsync(cancellationToken);
        var consumer = await _lake.Catalog.GetConsumerAsync(Consumer, cancellationToken);
        long consumed = consumer?.SnapshotId ?? 0;
        var changes = consumed >= head ? [] : await _lake.Catalog.ListChangesAsync(consumed, head, cancellationToken);
        if (changes.Count == 0)
        {
            return new DetectResult { RunId = run.RunId, Consumer = Consumer, SnapshotId = head, ElapsedMs = clock.ElapsedMilliseconds };
        }

        var cursors = await _lake.Catalog.GetCursorsAsync(Consumer, [.. changes.Select(c => c.SeriesId)], cancellationToken);
        var states = new ConcurrentDictionary<long, SeriesDetection>();
        var fromBySeries = new Dictionary<long, long>();
        var reset = new List<long>();
        foreach (var change in changes)
        {
            if (cursors.TryGetValue(change.SeriesId, out var cursor) && change.MinTsMs > cursor.WatermarkMs)
            {
                states[change.SeriesId] = SeriesDetection.Restore(cursor, _passes, _options);
                fromBySeries[change.SeriesId] = cursor.WatermarkMs + 1;
                continue;
            }

            if (cursor is not null)
            {
                reset.Add(change.SeriesId);
                _lake.Log.Information("Series {SeriesId} received data at or before its watermark; re-scoring it from the start", change.SeriesId);
            }

            states[change.SeriesId] = SeriesDetection.Fresh(change.SeriesId, _passes, _options);
            fromBySeries[change.SeriesId] = long.MinValue;
        }

        long points = await ScoreAsync(head, fromBySeries, states, sink, cancellationToken);
        var anomalies = new List<AnomalyRecord>();
        foreach (var state in states.Values.OrderBy(s => s.SeriesId))
        {
            foreach (var w in state.ChangedWindows)
            {
                anomalies.Add(new AnomalyRecord(AnomalyId(state.SeriesId, w.StartMs), Consumer, state.SeriesId, w.StartMs, w.EndMs, w.PeakMs,
                    w.PeakScore, w.Points, _passes.Fired(w.PassPeaks, _options.Threshold), run.RunId, run.RunId, w.IsOpen,
                    _passes.ContributionsJson(w.PassPeaks)));
            }
        }

        // why: a window can change several times in one run; the last change per key is its final state.
        anomalies = [.. anomalies.GroupBy(a => a.AnomalyId).Select(g => g.Last())];
        await _lake.Catalog.CommitDetectionAsync(new DetectionCommit
        {
            Consumer = Consumer,
            ExpectedVersion = consumer?.Version ?? 0,
            SnapshotId = head,
            Fingerprint = _passes.Fingerprint,
            Cursors = [.. states.Values.Where(s => s.PointsSeen > 0).OrderBy(s => s.SeriesId).Select(s => s.ToCursor())],
            ResetSeries = reset,
            Anomalies = anomalies,
        }, cancellationToken);
        return new DetectResult
        {
            RunId = run.RunId,
            Consumer = Consumer,
            SnapshotId = head,
            Points = points,
            Series = states.Count,
            SeriesRescored = reset.Count,
            WindowsChanged = anomalies.Count,
            ElapsedMs = clock.ElapsedMilliseconds,
        };
    }

    private async Task<long> ScoreAsync(
        long head,
        Dictionary<long, long> fromBySeries,
        ConcurrentDictionary<long, SeriesDetection> states,
        IPointScoreSink? sink,
        CancellationToken cancellationToken)
    {
        var filter = new MetricsFilter(fromBySeries);
        long earliest = fromBySeries.Values.Min();
        var files = (await _lake.Catalog.ListFilesAsync(head, cancellationToken))
            .Where(f => f.MaxTsMs >= earliest && filter.MayMatchSeries(f.MinSeriesId, f.MaxSeriesId))
            .GroupBy(f => f.PartitionDate, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        long points = 0;
        foreach (var day in files)
        {
            var blocks = new List<MetricsBlock>();
            foreach (var file in day)
            {
                blocks.Add(await _lake.Files.ReadAsync(file, filter, cancellationToken));
            }

            var block = blocks.Count == 1 ? blocks[0] : MetricsBlocks.MergeSorted(blocks);
            var ranges = block.SeriesRanges().ToArray();
            Parallel.ForEach(
                ranges,
                new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = cancellationToken },
                range =>
                {
                    var ts = block.TimestampsMs.AsSpan(range.Start, range.End - range.Start);
                    var values = block.Values.AsSpan(range.Start, range.End - range.Start);
                    var state = states[range.SeriesId];
                    state.Score(ts, values);
                    sink?.OnScores(range.SeriesId, ts, values, state.LastScores, state.LastAlerts);
                });
            points += block.Count;
        }

        return points;
    }

    private string AnomalyId(long seriesId, long startMs)
    {
        string identity = string.Create(CultureInfo.InvariantCulture, $"{Consumer}|{seriesId}|{startMs}");
        return "an-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..16];
    }
}
