using System.Buffers;
using System.Buffers.Binary;
using AnomalyHunter.Lakehouse.Catalog;
using AnomalyHunter.Udfs.Multivariate;

namespace AnomalyHunter.Jobs.Detect;

/// <summary>
/// The detection state of one group of series: the PCA scorer over its members (columns in series-id order), a window
/// tracker whose per-column peaks are each member's share of the group statistic, and the group's watermark.
/// </summary>
internal sealed class GroupDetection
{
    private const int BlobVersion = 1;
    private readonly PcaGroupScorer _scorer;
    private readonly WindowTracker _windows;
    private readonly double _family;

    private GroupDetection(string key, long[] members, PcaGroupScorer scorer, WindowTracker windows, long watermarkMs, long pointsSeen, double family)
    {
        _family = family;
        Key = key;
        Members = members;
        _scorer = scorer;
        _windows = windows;
        WatermarkMs = watermarkMs;
        PointsSeen = pointsSeen;
    }

    public string Key { get; }

    public long[] Members { get; }

    public long WatermarkMs { get; private set; }

    public long PointsSeen { get; private set; }

    public List<WindowSnapshot> ChangedWindows { get; } = [];

    public static GroupDetection Fresh(string key, long[] members, PcaGroupScorerFactory factory, DetectOptions options) =>
        new(key, members, factory.Create(members.Length), new WindowTracker(options.Threshold, options.MergeGap, members.Length), long.MinValue, 0, factory.Options.DeviationFamily);

    /// <summary>Restores the group, or returns null when its saved members differ from <paramref name="members"/> (the group must restart).</summary>
    public static GroupDetection? Restore(GroupCursor cursor, long[] members, PcaGroupScorerFactory factory, DetectOptions options)
    {
        ReadOnlySpan<byte> blob = cursor.State;
        if (blob.Length < 8 || BinaryPrimitives.ReadInt32LittleEndian(blob) != BlobVersion)
        {
            return null;
        }

        int count = BinaryPrimitives.ReadInt32LittleEndian(blob[4..]);
        if (count != members.Length)
        {
            return null;
        }

        int at = 8;
        for (int i = 0; i < count; i++, at += 8)
        {
            if (BinaryPrimitives.ReadInt64LittleEndian(blob[at..]) != members[i])
            {
                return null;
            }
        }

        int length = BinaryPrimitives.ReadInt32LittleEndian(blob[at..]);
        var scorer = factory.Restore(blob.Slice(at + 4, length));
        var windows = new WindowTracker(options.Threshold, options.MergeGap, members.Length);
        windows.Read(blob[(at + 4 + length)..]);
        return new GroupDetection(cursor.GroupKey, members, scorer, windows, cursor.WatermarkMs, cursor.PointsSeen, factory.Options.DeviationFamily);
    }

    /// <summary>Scores aligned rows (row-major, rows × members, NaN where a member has no point) that follow the watermark.</summary>
    public void Score(ReadOnlySpan<long> timestampsMs, ReadOnlySpan<double> matrix)
    {
        int n = timestampsMs.Length;
        int p = Members.Length;
        var scores = new double[n];
        var t2 = new double[n * p];
        var spe = new double[n * p];
        _scorer.Score(timestampsMs, matrix, scores, t2, spe);
        for (int i = 0; i < n; i++)
        {
            // why: row scores are per-row tail probabilities; a window opens only on rows rare among the many rows watched, as in the series passes.
            scores[i] = Udfs.Detection.ScoreScale.CorrectForFamily(scores[i], _family);
        }

        var shares = new double[n * p];
        for (int i = 0; i < n; i++)
        {
            double total = 0;
            for (int j = 0; j < p; j++)
            {
                total += Math.Max(0, t2[(i * p) + j]) + Math.Max(0, spe[(i * p) + j]);
            }

            for (int j = 0; j < p && total > 0; j++)
            {
                // why: each member's part of the row's score, so the window keeps who drove the group statistic.
                shares[(i * p) + j] = scores[i] * (Math.Max(0, t2[(i * p) + j]) + Math.Max(0, spe[(i * p) + j])) / total;
            }
        }

        _windows.Feed(timestampsMs, scores, shares, ChangedWindows.Add);
        WatermarkMs = timestampsMs[^1];
        PointsSeen += n;
    }

    public GroupCursor ToCursor()
    {
        var state = new ArrayBufferWriter<byte>();
        _scorer.WriteState(state);
        int head = 8 + (8 * Members.Length) + 4;
        var blob = new byte[head + state.WrittenCount + _windows.StateSize];
        BinaryPrimitives.WriteInt32LittleEndian(blob, BlobVersion);
        BinaryPrimitives.WriteInt32LittleEndian(blob.AsSpan(4), Members.Length);
        for (int i = 0; i < Members.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(blob.AsSpan(8 + (8 * i)), Members[i]);
        }

        BinaryPrimitives.WriteInt32LittleEndian(blob.AsSpan(head - 4), state.WrittenCount);
        state.WrittenSpan.CopyTo(blob.AsSpan(head));
        _windows.Write(blob.AsSpan(head + state.WrittenCount));
        return new GroupCursor(Key, WatermarkMs, PointsSeen, blob);
    }
}
