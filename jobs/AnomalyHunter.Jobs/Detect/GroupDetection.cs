using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using AnomalyHunter.Lakehouse.Catalog;
using AnomalyHunter.Udfs.Multivariate;

namespace AnomalyHunter.Jobs.Detect;

/// <summary>
/// The detection state of one group of series: the PCA scorer over its members (columns in series-id order), a window
/// tracker whose per-column peaks are each member's share of the group statistic, and the group's watermark.
/// </summary>
/// <remarks>Like <see cref="SeriesDetection"/>, the scorer is built when first needed and dropped by <see cref="Seal"/>.</remarks>
internal sealed class GroupDetection
{
    private const int BlobVersion = 1;
    private readonly PcaGroupScorerFactory _factory;
    private readonly DetectOptions _options;
    private readonly double _family;
    private ReadOnlyMemory<byte> _saved;
    private PcaGroupScorer? _scorer;
    private WindowTracker? _windows;
    private bool _sealed;
    private double[] _scores = [];
    private double[] _t2 = [];
    private double[] _spe = [];
    private double[] _shares = [];

    // why: per-thread scratch for saving states; fresh writers per group grow through large-object-heap arrays (a group's state is large).
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_blob;

    private GroupDetection(string key, long[] members, PcaGroupScorerFactory factory, DetectOptions options, ReadOnlyMemory<byte> saved, long watermarkMs, long pointsSeen)
    {
        Key = key;
        Members = members;
        _factory = factory;
        _options = options;
        _family = factory.Options.DeviationFamily;
        _saved = saved;
        WatermarkMs = watermarkMs;
        PointsSeen = pointsSeen;
    }

    public string Key { get; }

    public long[] Members { get; }

    public long WatermarkMs { get; private set; }

    public long PointsSeen { get; private set; }

    public List<WindowSnapshot> ChangedWindows { get; } = [];

    public static GroupDetection Fresh(string key, long[] members, PcaGroupScorerFactory factory, DetectOptions options) =>
        new(key, members, factory, options, ReadOnlyMemory<byte>.Empty, long.MinValue, 0);

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

        return new GroupDetection(cursor.GroupKey, members, factory, options, cursor.State.AsMemory(at), cursor.WatermarkMs, cursor.PointsSeen);
    }

    /// <summary>Saves the cursor (when the group has rows) into <paramref name="spill"/> and drops the live state; the windows stay.</summary>
    public void Seal(CursorSpill spill)
    {
        if (PointsSeen > 0)
        {
            var blob = t_blob ??= new ArrayBufferWriter<byte>();
            blob.ResetWrittenCount();
            WriteBlob(blob);
            spill.Add(Key, WatermarkMs, PointsSeen, blob.WrittenSpan);
        }

        _sealed = true;
        _saved = ReadOnlyMemory<byte>.Empty;
        _scorer = null;
        _windows = null;
        _scores = _t2 = _spe = _shares = [];
    }

    private (PcaGroupScorer Scorer, WindowTracker Windows) Live()
    {
        if (_scorer is not null && _windows is not null)
        {
            return (_scorer, _windows);
        }

        ObjectDisposedException.ThrowIf(_sealed, this);
        var windows = new WindowTracker(_options.Threshold, _options.MergeGap, Members.Length);
        if (_saved.IsEmpty)
        {
            _scorer = _factory.Create(Members.Length);
        }
        else
        {
            // why: the saved state after the member list: its length, the scorer's state, then the window tracker's.
            ReadOnlySpan<byte> blob = _saved.Span;
            int length = BinaryPrimitives.ReadInt32LittleEndian(blob);
            _scorer = _factory.Restore(blob.Slice(4, length));
            windows.Read(blob[(4 + length)..]);
            _saved = ReadOnlyMemory<byte>.Empty;
        }

        _windows = windows;
        return (_scorer, _windows);
    }

    /// <summary>Scores aligned rows (row-major, rows × members, NaN where a member has no point) that follow the watermark.</summary>
    public void Score(ReadOnlySpan<long> timestampsMs, ReadOnlySpan<double> matrix)
    {
        var (scorer, windows) = Live();
        int n = timestampsMs.Length;
        int p = Members.Length;
        if (_scores.Length < n)
        {
            // why: one set of buffers per live group, reused day after day, instead of four new arrays per call.
            int size = Math.Max(n, 2 * _scores.Length);
            _scores = new double[size];
            _t2 = new double[size * p];
            _spe = new double[size * p];
            _shares = new double[size * p];
        }

        var scores = _scores.AsSpan(0, n);
        var t2 = _t2.AsSpan(0, n * p);
        var spe = _spe.AsSpan(0, n * p);
        var shares = _shares.AsSpan(0, n * p);
        shares.Clear();
        scorer.Score(timestampsMs, matrix, scores, t2, spe);
        for (int i = 0; i < n; i++)
        {
            // why: row scores are per-row tail probabilities; a window opens only on rows rare among the many rows watched, as in the series passes.
            scores[i] = Udfs.Detection.ScoreScale.CorrectForFamily(scores[i], _family);
        }

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

        windows.Feed(timestampsMs, scores, shares, ChangedWindows.Add);
        WatermarkMs = timestampsMs[^1];
        PointsSeen += n;
    }

    /// <summary>Writes the saved state: version, member count, members, scorer state length, scorer state, window tracker.</summary>
    private void WriteBlob(ArrayBufferWriter<byte> into)
    {
        var (scorer, windows) = Live();
        int head = 8 + (8 * Members.Length) + 4;
        var header = into.GetSpan(head)[..head];
        BinaryPrimitives.WriteInt32LittleEndian(header, BlobVersion);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], Members.Length);
        for (int i = 0; i < Members.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(header[(8 + (8 * i))..], Members[i]);
        }

        into.Advance(head);

        // why: the scorer writes straight after the header and its length is filled in afterwards, saving a copy of the largest part.
        scorer.WriteState(into);
        int length = into.WrittenCount - head;
        windows.Write(into.GetSpan(windows.StateSize)[..windows.StateSize]);
        into.Advance(windows.StateSize);
        BinaryPrimitives.WriteInt32LittleEndian(MemoryMarshal.AsMemory(into.WrittenMemory).Span[(head - 4)..], length);
    }
}
