using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AnomalyHunter.Jobs.Framework;
using AnomalyHunter.Lakehouse.Catalog;
using AnomalyHunter.Lakehouse.Storage;
using AnomalyHunter.Udfs.Detection;
using AnomalyHunter.Udfs.Detection.Combined;

namespace AnomalyHunter.Jobs.Detect;

/// <summary>
/// Scores what is new since the consumer's last snapshot. Each series continues from its saved state at its watermark,
/// so daily runs give the scores of one backfill; a series that received data at or before its watermark (late data) is
/// re-scored from its first point and its windows are replaced. Everything the run learns commits in one transaction.
/// </summary>
public sealed class DetectJob
{
    private readonly Lake _lake;
    private readonly CombinedScorerFactory _passes;
    private readonly DetectOptions _options;

    /// <summary>Creates the job for one detector configuration with a single pass.</summary>
    public DetectJob(Lake lake, ISeriesScorerFactory factory, DetectOptions options)
        : this(lake, factory as CombinedScorerFactory ?? new CombinedScorerFactory([factory]), options)
    {
    }

    /// <summary>Creates the job for one detector configuration: its univariate passes, options and optional multivariate group pass.</summary>
    public DetectJob(Lake lake, CombinedScorerFactory passes, DetectOptions options, GroupPassOptions? groups = null)
    {
        options.Validate();
        _lake = lake;
        _passes = passes;
        _options = options;
        _groups = groups;
        Consumer = ConsumerName(passes, options, groups);
        _passNames = [.. passes.Passes.Select(p => p.Name)];
    }

    private readonly string[] _passNames;
    private readonly GroupPassOptions? _groups;

    /// <summary>The consumer name: the detector name plus a hash of everything that changes its output.</summary>
    public string Consumer { get; }

    /// <summary>The consumer name of a detector configuration.</summary>
    public static string ConsumerName(CombinedScorerFactory passes, DetectOptions options, GroupPassOptions? groups = null)
    {
        string group = groups is null ? "none" : string.Create(CultureInfo.InvariantCulture, $"{groups.Label}|{groups.MinSeries}|{groups.Factory.Fingerprint}");
        string identity = string.Create(CultureInfo.InvariantCulture, $"{passes.Fingerprint}|t={options.Threshold:R}|gap={options.MergeGap}|missing={options.GapMinMissing}|groups={group}");
        return $"detect/{passes.Name}/{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..12]}";
    }

    /// <summary>Runs the job as a recorded run.</summary>
    public Task<DetectResult> RunAsync(IPointScoreSink? sink, CancellationToken cancellationToken) =>
        JobRunner.RunAsync(
            _lake,
            "detect",
            new { consumer = Consumer, detector = _passes.Fingerprint, threshold = _options.Threshold, mergeGap = _options.MergeGap, groupBy = _groups?.Label },
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

        var plan = await PlanAsync(changes, cancellationToken);
        long points = await ScoreAsync(head, plan, sink, cancellationToken);
        var anomalies = new List<AnomalyRecord>();
        foreach (var (state, _) in plan.Series.Values.OrderBy(s => s.State.SeriesId))
        {
            foreach (var w in state.ChangedWindows)
            {
                anomalies.Add(new AnomalyRecord(AnomalyId(state.SeriesId.ToString(CultureInfo.InvariantCulture), w.StartMs), Consumer, state.SeriesId,
                    w.StartMs, w.EndMs, w.PeakMs, w.PeakScore, w.Points, PassReport.Fired(_passNames, w.PassPeaks, _options.Threshold),
                    run.RunId, run.RunId, w.IsOpen, PassReport.ContributionsJson(_passNames, w.PassPeaks)));
            }

            foreach (var (startMs, endMs, missing) in state.Gaps)
            {
                // why: a gap is observed, not estimated; it scores the top of the scale so it is never filtered out as weak.
                anomalies.Add(new AnomalyRecord(AnomalyId("gap:" + state.SeriesId.ToString(CultureInfo.InvariantCulture), startMs), Consumer, state.SeriesId,
                    startMs, endMs, startMs, ScoreScale.Max, missing, PassReport.MissingData, run.RunId, run.RunId, false,
                    PassReport.ContributionsJson([PassReport.MissingData], [missing])));
            }
        }

        foreach (var (group, _) in plan.Groups.Values.OrderBy(g => g.State.Key, StringComparer.Ordinal))
        {
            string[] memberKeys = [.. group.Members.Select(m => plan.Keys[m])];
            foreach (var w in group.ChangedWindows)
            {
                int top = Array.IndexOf(w.PassPeaks, w.PassPeaks.Max());
                anomalies.Add(new AnomalyRecord(AnomalyId("group:" + group.Key, w.StartMs), Consumer, group.Members[top], w.StartMs, w.EndMs,
                    w.PeakMs, w.PeakScore, w.Points, _groups!.Factory.Name, run.RunId, run.RunId, w.IsOpen,
                    PassReport.ContributionsJson(memberKeys, w.PassPeaks), AnomalyScopes.Group, group.Key));
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
            Cursors = [.. plan.Series.Values.Select(s => s.State).Where(s => s.PointsSeen > 0).OrderBy(s => s.SeriesId).Select(s => s.ToCursor())],
            ResetSeries = plan.ResetSeries,
            GroupCursors = [.. plan.Groups.Values.Select(g => g.State).Where(g => g.PointsSeen > 0).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.ToCursor())],
            ResetGroups = plan.ResetGroups,
            Anomalies = anomalies,
        }, cancellationToken);
        return new DetectResult
        {
            RunId = run.RunId,
            Consumer = Consumer,
            SnapshotId = head,
            Points = points,
            Series = plan.Series.Count,
            SeriesRescored = plan.ResetSeries.Count,
            Groups = plan.Groups.Count,
            WindowsChanged = anomalies.Count,
            ElapsedMs = clock.ElapsedMilliseconds,
        };
    }

    private async Task<DetectPlan> PlanAsync(IReadOnlyList<SeriesChange> changes, CancellationToken cancellationToken)
    {
        var plan = new DetectPlan();
        var cursors = await _lake.Catalog.GetCursorsAsync(Consumer, [.. changes.Select(c => c.SeriesId)], cancellationToken);
        foreach (var change in changes)
        {
            if (cursors.TryGetValue(change.SeriesId, out var cursor) && change.MinTsMs > cursor.WatermarkMs)
            {
                plan.Series[change.SeriesId] = (SeriesDetection.Restore(cursor, _passes, _options), cursor.WatermarkMs + 1);
                continue;
            }

            if (cursor is not null)
            {
                plan.ResetSeries.Add(change.SeriesId);
                _lake.Log.Information("Series {SeriesId} received data at or before its watermark; re-scoring it from the start", change.SeriesId);
            }

            plan.Series[change.SeriesId] = (SeriesDetection.Fresh(change.SeriesId, _passes, _options), long.MinValue);
        }

        if (_groups is null)
        {
            return plan;
        }

        var all = await _lake.Catalog.ListSeriesAsync(null, cancellationToken);
        foreach (var s in all)
        {
            plan.Keys[s.SeriesId] = s.Key.Canonical;
        }

        var members = all.Select(s => (s.SeriesId, Group: DetectPlan.GroupKeyOf(s, _groups.Label)))
            .Where(x => x.Group is not null)
            .GroupBy(x => x.Group!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.SeriesId).Order().ToArray(), StringComparer.Ordinal);
        var earliestChange = changes.ToDictionary(c => c.SeriesId, c => c.MinTsMs);
        var touched = members.Where(m => m.Value.Length >= _groups.MinSeries && m.Value.Any(earliestChange.ContainsKey)).ToList();
        var groupCursors = await _lake.Catalog.GetGroupCursorsAsync(Consumer, [.. touched.Select(t => t.Key)], cancellationToken);
        foreach (var (key, ids) in touched)
        {
            long firstChange = ids.Where(earliestChange.ContainsKey).Min(id => earliestChange[id]);
            if (groupCursors.TryGetValue(key, out var cursor)
                && firstChange > cursor.WatermarkMs
                && GroupDetection.Restore(cursor, ids, _groups.Factory, _options) is { } restored)
            {
                plan.Groups[key] = (restored, cursor.WatermarkMs + 1);
                continue;
            }

            if (cursor is not null)
            {
                plan.ResetGroups.Add(key);
                _lake.Log.Information("Group {Group} received late data or changed members; re-scoring it from the start", key);
            }

            plan.Groups[key] = (GroupDetection.Fresh(key, ids, _groups.Factory, _options), long.MinValue);
        }

        return plan;
    }

    private async Task<long> ScoreAsync(long head, DetectPlan plan, IPointScoreSink? sink, CancellationToken cancellationToken)
    {
        var readFrom = plan.ReadFrom();
        var filter = new MetricsFilter(readFrom);
        long earliest = readFrom.Values.Min();
        var files = (await _lake.Catalog.ListFilesAsync(head, cancellationToken))
            .Where(f => f.MaxTsMs >= earliest && filter.MayMatchSeries(f.MinSeriesId, f.MaxSeriesId))
            .GroupBy(f => f.PartitionDate, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        long points = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = cancellationToken };
        foreach (var day in files)
        {
            var blocks = new List<MetricsBlock>();
            foreach (var file in day)
            {
                blocks.Add(await _lake.Files.ReadAsync(file, filter, cancellationToken));
            }

            var block = blocks.Count == 1 ? blocks[0] : MetricsBlocks.MergeSorted(blocks);
            var ranges = block.SeriesRanges().ToDictionary(r => r.SeriesId, r => (r.Start, r.End));
            long scored = 0;
            Parallel.ForEach(ranges, parallel, range =>
            {
                if (!plan.Series.TryGetValue(range.Key, out var entry))
                {
                    return;
                }

                int start = FirstAtOrAfter(block.TimestampsMs, range.Value.Start, range.Value.End, entry.FromMs);
                if (start == range.Value.End)
                {
                    return;
                }

                var ts = block.TimestampsMs.AsSpan(start, range.Value.End - start);
                var values = block.Values.AsSpan(start, range.Value.End - start);
                entry.State.Score(ts, values);
                sink?.OnScores(range.Key, ts, values, entry.State.LastScores, entry.State.LastAlerts);
                Interlocked.Add(ref scored, ts.Length);
            });
            Parallel.ForEach(plan.Groups.Values, parallel, entry =>
            {
                var columns = entry.State.Members.Select(m => ranges.TryGetValue(m, out var r)
                    ? (block.TimestampsMs, block.Values, FirstAtOrAfter(block.TimestampsMs, r.Start, r.End, entry.FromMs), r.End)
                    : (block.TimestampsMs, block.Values, 0, 0)).ToList();
                if (columns.All(c => c.Item3 == c.Item4))
                {
                    return;
                }

                var (rows, matrix) = GroupAligner.Align(columns);
                entry.State.Score(rows, matrix);
            });
            points += scored;
        }

        return points;
    }

    /// <summary>The first index in [start, end) whose timestamp is at least <paramref name="fromMs"/> (the rows are sorted).</summary>
    private static int FirstAtOrAfter(long[] timestamps, int start, int end, long fromMs)
    {
        int index = Array.BinarySearch(timestamps, start, end - start, fromMs);
        if (index < 0)
        {
            return ~index;
        }

        while (index > start && timestamps[index - 1] == fromMs)
        {
            index--;
        }

        return index;
    }

    private string AnomalyId(string subject, long startMs)
    {
        string identity = string.Create(CultureInfo.InvariantCulture, $"{Consumer}|{subject}|{startMs}");
        return "an-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..16];
    }
}
