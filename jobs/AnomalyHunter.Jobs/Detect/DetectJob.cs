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
        using var spill = new CursorSpill();
        long points = await ScoreAsync(head, plan, sink, spill, cancellationToken);
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
            Cursors = spill.SeriesCursors(),
            ResetSeries = plan.ResetSeries,
            GroupCursors = spill.GroupCursors(),
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
        // why: only the watermarks here; the states (hundreds of KB per series) are loaded with each batch.
        var cursors = await _lake.Catalog.GetCursorMarksAsync(Consumer, [.. changes.Select(c => c.SeriesId)], cancellationToken);
        foreach (var change in changes)
        {
            if (cursors.TryGetValue(change.SeriesId, out var cursor) && change.MinTsMs > cursor.WatermarkMs)
            {
                plan.Series[change.SeriesId] = (SeriesDetection.Saved(cursor, _passes, _options), cursor.WatermarkMs + 1);
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

    /// <summary>
    /// Scores the plan batch by batch (<see cref="DetectBatches"/>): each batch reads its series' new rows day by day,
    /// the next day's files being read while the current day is scored, scores its series and groups on all workers,
    /// then saves their cursors to <paramref name="spill"/> and drops their live state.
    /// </summary>
    private async Task<long> ScoreAsync(long head, DetectPlan plan, IPointScoreSink? sink, CursorSpill spill, CancellationToken cancellationToken)
    {
        var readFrom = plan.ReadFrom();
        long earliest = readFrom.Values.Min();
        var files = (await _lake.Catalog.ListFilesAsync(head, cancellationToken)).Where(f => f.MaxTsMs >= earliest).ToList();
        long points = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = cancellationToken };
        // why: each day's column arrays (large-object heap) are handed back once the day is scored and reused by the next read.
        var buffers = new MetricsBuffers();
        foreach (var batch in DetectBatches.Plan(plan, files, _options.SeriesPerBatch))
        {
            await AttachSavedStatesAsync(plan, batch, cancellationToken);
            var filter = new MetricsFilter(batch.SeriesIds.Where(readFrom.ContainsKey).ToDictionary(id => id, id => readFrom[id]));
            var days = files
                .Where(f => filter.MayMatchSeries(f.MinSeriesId, f.MaxSeriesId))
                .GroupBy(f => f.PartitionDate, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.ToList())
                .ToList();
            var groups = batch.Groups.Select(k => plan.Groups[k]).ToArray();
            Task<(MetricsBlock[] Read, IReadOnlyList<MetricsBlock> Blocks)>? next = days.Count > 0 ? Task.Run(() => ReadDayAsync(days[0], filter, buffers, cancellationToken), cancellationToken) : null;
            for (int d = 0; d < days.Count; d++)
            {
                var (read, blocks) = await next!;
                int following = d + 1;
                next = following < days.Count ? Task.Run(() => ReadDayAsync(days[following], filter, buffers, cancellationToken), cancellationToken) : null;
                points += ScoreDay(blocks, plan, groups, sink, parallel);
                Array.ForEach(read, buffers.Return);
            }

            var sealing = batch.SeriesIds.Where(plan.Series.ContainsKey).Select(id => (Action<CursorSpill>)plan.Series[id].State.Seal)
                .Concat(groups.Select(g => (Action<CursorSpill>)g.State.Seal))
                .ToArray();
            Parallel.ForEach(sealing, parallel, seal => seal(spill));
        }

        return points;
    }

    /// <summary>Loads the saved states of the batch's series that continue from a cursor.</summary>
    private async Task AttachSavedStatesAsync(DetectPlan plan, DetectBatch batch, CancellationToken cancellationToken)
    {
        long[] waiting = [.. batch.SeriesIds.Where(id => plan.Series.TryGetValue(id, out var entry) && entry.State.AwaitsState)];
        if (waiting.Length == 0)
        {
            return;
        }

        var cursors = await _lake.Catalog.GetCursorsAsync(Consumer, waiting, cancellationToken);
        foreach (long id in waiting)
        {
            plan.Series[id].State.Attach(cursors.TryGetValue(id, out var cursor)
                ? cursor
                : throw new InvalidOperationException($"The saved cursor of series {id} disappeared during the run; rerun the job."));
        }
    }

    /// <summary>
    /// Reads the files of one partition day (in parallel): the blocks as read (their arrays go back to
    /// <paramref name="buffers"/> once the day is scored) and the blocks to score, each holding whole series, sorted by series and time.
    /// </summary>
    private async Task<(MetricsBlock[] Read, IReadOnlyList<MetricsBlock> Blocks)> ReadDayAsync(List<DataFileRecord> day, MetricsFilter filter, MetricsBuffers buffers, CancellationToken cancellationToken)
    {
        var blocks = await Task.WhenAll(day.Select(f => _lake.Files.ReadAsync(f, filter, buffers, cancellationToken)));
        return (blocks, blocks.Length == 1 ? blocks : MetricsBlocks.DisjointOrMerged(blocks));
    }

    /// <summary>Scores one day's blocks: the batch's series and groups together, as one work list over all workers.</summary>
    private static long ScoreDay(IReadOnlyList<MetricsBlock> blocks, DetectPlan plan, (GroupDetection State, long FromMs)[] groups, IPointScoreSink? sink, ParallelOptions parallel)
    {
        var ranges = new Dictionary<long, (MetricsBlock Block, int Start, int End)>();
        var series = new List<(long Id, MetricsBlock Block, int Start, int End)>();
        foreach (var block in blocks)
        {
            foreach (var (id, start, end) in block.SeriesRanges())
            {
                ranges[id] = (block, start, end);
                if (plan.Series.ContainsKey(id))
                {
                    series.Add((id, block, start, end));
                }
            }
        }

        long scored = 0;
        Parallel.For(0, series.Count + groups.Length, parallel, i =>
        {
            if (i < series.Count)
            {
                var (id, block, rangeStart, rangeEnd) = series[i];
                var entry = plan.Series[id];
                int start = FirstAtOrAfter(block.TimestampsMs, rangeStart, rangeEnd, entry.FromMs);
                if (start == rangeEnd)
                {
                    return;
                }

                var ts = block.TimestampsMs.AsSpan(start, rangeEnd - start);
                var values = block.Values.AsSpan(start, rangeEnd - start);
                entry.State.Score(ts, values);
                sink?.OnScores(id, ts, values, entry.State.LastScores, entry.State.LastAlerts);
                Interlocked.Add(ref scored, ts.Length);
                return;
            }

            var group = groups[i - series.Count];
            var columns = group.State.Members.Select(m => ranges.TryGetValue(m, out var r)
                ? (r.Block.TimestampsMs, r.Block.Values, FirstAtOrAfter(r.Block.TimestampsMs, r.Start, r.End, group.FromMs), r.End)
                : (Array.Empty<long>(), Array.Empty<double>(), 0, 0)).ToList();
            if (columns.All(c => c.Item3 == c.Item4))
            {
                return;
            }

            var (rows, matrix) = GroupAligner.AlignShared(columns);
            group.State.Score(rows.Span, matrix.Span);
        });
        return scored;
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
