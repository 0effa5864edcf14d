using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using AnomalyHunter.Lakehouse.Catalog;
using AnomalyHunter.Udfs.Detection.Combined;

namespace AnomalyHunter.Jobs.Detect;

/// <summary>The detection state of one series during a run: its (combined) scorer, the window and gap trackers, and the watermark.</summary>
/// <remarks>
/// The saved state is loaded with the series' batch (<see cref="Attach"/>), the scorer is built (fresh or from it) when
/// the batch first needs it, and dropped by <see cref="Seal"/> once its cursor is saved, so a run holds saved and live
/// states for one batch of series at a time.
/// </remarks>
internal sealed class SeriesDetection
{
    private const int BlobVersion = 5;
    private readonly CombinedScorerFactory _factory;
    private readonly DetectOptions _options;
    private SeriesCursor? _saved;
    private ICombinedSeriesScorer? _scorer;
    private WindowTracker? _windows;
    private GapTracker? _gaps;
    private bool _sealed;
    private double[] _scores = [];
    private double[] _alerts = [];
    private double[] _passScores = [];
    private int _last;

    // why: per-thread scratch for saving states; fresh writers per series would each grow through large-object-heap arrays.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_blob;

    private SeriesDetection(long seriesId, CombinedScorerFactory factory, DetectOptions options, SeriesCursor? saved, long watermarkMs, long pointsSeen)
    {
        SeriesId = seriesId;
        _factory = factory;
        _options = options;
        _saved = saved;
        WatermarkMs = watermarkMs;
        PointsSeen = pointsSeen;
    }

    public long SeriesId { get; }

    public long WatermarkMs { get; private set; }

    public long PointsSeen { get; private set; }

    public List<WindowSnapshot> ChangedWindows { get; } = [];

    /// <summary>Gaps (missing data) found by the last calls: first and last absent time, and the absent points.</summary>
    public List<(long StartMs, long EndMs, long Missing)> Gaps { get; } = [];

    /// <summary>The combined deviation scores of the last <see cref="Score"/> call (they form the windows).</summary>
    public ReadOnlySpan<double> LastScores => _scores.AsSpan(0, _last);

    /// <summary>The alert scores of the last call: the onset of something new.</summary>
    public ReadOnlySpan<double> LastAlerts => _alerts.AsSpan(0, _last);

    public static SeriesDetection Fresh(long seriesId, CombinedScorerFactory factory, DetectOptions options) =>
        new(seriesId, factory, options, null, long.MinValue, 0);

    /// <summary>A series continuing from a saved cursor whose state is loaded later (<see cref="Attach"/>), batch by batch.</summary>
    public static SeriesDetection Saved(CursorMark mark, CombinedScorerFactory factory, DetectOptions options) =>
        new(mark.SeriesId, factory, options, null, mark.WatermarkMs, mark.PointsSeen) { AwaitsState = true };

    /// <summary>Whether the saved state must still be attached before the series is scored or sealed.</summary>
    public bool AwaitsState { get; private set; }

    /// <summary>Attaches the saved state of a series created by <see cref="Saved"/>; it must be the cursor the run planned with.</summary>
    public void Attach(SeriesCursor cursor)
    {
        ReadOnlySpan<byte> blob = cursor.State;
        if (blob.Length < 8 || BinaryPrimitives.ReadInt32LittleEndian(blob) != BlobVersion)
        {
            throw new InvalidDataException($"The saved detection state of series {cursor.SeriesId} is not readable by this version.");
        }

        if (!AwaitsState || cursor.SeriesId != SeriesId || cursor.WatermarkMs != WatermarkMs || cursor.PointsSeen != PointsSeen)
        {
            throw new InvalidOperationException($"The saved cursor of series {cursor.SeriesId} changed during the run; rerun the job.");
        }

        _saved = cursor;
        AwaitsState = false;
    }

    /// <summary>Saves the cursor (when the series has points) into <paramref name="spill"/> and drops the live state; the windows stay.</summary>
    public void Seal(CursorSpill spill)
    {
        if (PointsSeen > 0)
        {
            var blob = t_blob ??= new ArrayBufferWriter<byte>();
            blob.ResetWrittenCount();
            WriteBlob(blob);
            spill.Add(SeriesId, WatermarkMs, PointsSeen, blob.WrittenSpan);
        }

        _sealed = true;
        _saved = null;
        _scorer = null;
        _windows = null;
        _gaps = null;
        _scores = _alerts = _passScores = [];
        _last = 0;
    }

    private (ICombinedSeriesScorer Scorer, WindowTracker Windows, GapTracker Gaps) Live()
    {
        if (_scorer is not null && _windows is not null && _gaps is not null)
        {
            return (_scorer, _windows, _gaps);
        }

        ObjectDisposedException.ThrowIf(_sealed, this);
        if (AwaitsState)
        {
            throw new InvalidOperationException($"The saved state of series {SeriesId} was not loaded.");
        }

        var windows = new WindowTracker(_options.Threshold, _options.MergeGap, _factory.Passes.Count);
        var gaps = new GapTracker(_options.GapMinMissing);
        if (_saved is null)
        {
            _scorer = (ICombinedSeriesScorer)_factory.Create();
        }
        else
        {
            ReadOnlySpan<byte> blob = _saved.State;
            int length = BinaryPrimitives.ReadInt32LittleEndian(blob[4..]);
            _scorer = (ICombinedSeriesScorer)_factory.Restore(blob.Slice(8, length));
            windows.Read(blob.Slice(8 + length, windows.StateSize));
            gaps.Read(blob[(8 + length + windows.StateSize)..]);
            _saved = null;
        }

        _windows = windows;
        _gaps = gaps;
        return (_scorer, _windows, _gaps);
    }

    /// <summary>Scores points that follow the watermark, in time order; see <see cref="LastScores"/> and <see cref="LastAlerts"/>.</summary>
    public void Score(ReadOnlySpan<long> timestampsMs, ReadOnlySpan<double> values)
    {
        var (scorer, windows, gaps) = Live();
        int n = values.Length;
        int k = scorer.PassNames.Count;
        if (_scores.Length < n)
        {
            int size = Math.Max(n, 2 * _scores.Length);
            _scores = new double[size];
            _alerts = new double[size];
            _passScores = new double[size * k];
        }

        var perPass = _passScores.AsSpan(0, n * k);
        scorer.ScoreAll(timestampsMs, values, _alerts.AsSpan(0, n), _scores.AsSpan(0, n), perPass);
        windows.Feed(timestampsMs, _scores.AsSpan(0, n), perPass, ChangedWindows.Add);
        gaps.Feed(timestampsMs, (start, end, missing) => Gaps.Add((start, end, missing)));
        WatermarkMs = timestampsMs[^1];
        PointsSeen += n;
        _last = n;
    }

    /// <summary>Writes the saved state: version, scorer state length, scorer state, window tracker, gap tracker.</summary>
    private void WriteBlob(ArrayBufferWriter<byte> into)
    {
        var (scorer, windows, gaps) = Live();
        BinaryPrimitives.WriteInt32LittleEndian(into.GetSpan(8), BlobVersion);
        into.Advance(8);

        // why: the scorer writes straight after the header and its length is filled in afterwards, saving a copy of the largest part.
        scorer.WriteState(into);
        int length = into.WrittenCount - 8;
        int tail = windows.StateSize + GapTracker.StateSize;
        var rest = into.GetSpan(tail)[..tail];
        windows.Write(rest[..windows.StateSize]);
        gaps.Write(rest[windows.StateSize..]);
        into.Advance(tail);
        BinaryPrimitives.WriteInt32LittleEndian(MemoryMarshal.AsMemory(into.WrittenMemory).Span[4..], length);
    }
}
