using System.Buffers;
using System.Buffers.Binary;
using AnomalyHunter.Lakehouse.Catalog;
using AnomalyHunter.Udfs.Detection.Combined;

namespace AnomalyHunter.Jobs.Detect;

/// <summary>The detection state of one series during a run: its (combined) scorer, the window and gap trackers, and the watermark.</summary>
internal sealed class SeriesDetection
{
    private const int BlobVersion = 4;
    private readonly ICombinedSeriesScorer _scorer;
    private readonly WindowTracker _windows;
    private readonly GapTracker _gaps;
    private double[] _scores = [];
    private double[] _alerts = [];
    private double[] _passScores = [];
    private int _last;

    private SeriesDetection(long seriesId, ICombinedSeriesScorer scorer, WindowTracker windows, GapTracker gaps, long watermarkMs, long pointsSeen)
    {
        _gaps = gaps;
        SeriesId = seriesId;
        _scorer = scorer;
        _windows = windows;
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
        new(seriesId, (ICombinedSeriesScorer)factory.Create(), new WindowTracker(options.Threshold, options.MergeGap, factory.Passes.Count), new GapTracker(options.GapMinMissing), long.MinValue, 0);

    public static SeriesDetection Restore(SeriesCursor cursor, CombinedScorerFactory factory, DetectOptions options)
    {
        ReadOnlySpan<byte> blob = cursor.State;
        if (blob.Length < 8 || BinaryPrimitives.ReadInt32LittleEndian(blob) != BlobVersion)
        {
            throw new InvalidDataException($"The saved detection state of series {cursor.SeriesId} is not readable by this version.");
        }

        int length = BinaryPrimitives.ReadInt32LittleEndian(blob[4..]);
        var scorer = (ICombinedSeriesScorer)factory.Restore(blob.Slice(8, length));
        var windows = new WindowTracker(options.Threshold, options.MergeGap, factory.Passes.Count);
        windows.Read(blob.Slice(8 + length, windows.StateSize));
        var gaps = new GapTracker(options.GapMinMissing);
        gaps.Read(blob[(8 + length + windows.StateSize)..]);
        return new SeriesDetection(cursor.SeriesId, scorer, windows, gaps, cursor.WatermarkMs, cursor.PointsSeen);
    }

    /// <summary>Scores points that follow the watermark, in time order; see <see cref="LastScores"/> and <see cref="LastAlerts"/>.</summary>
    public void Score(ReadOnlySpan<long> timestampsMs, ReadOnlySpan<double> values)
    {
        int n = values.Length;
        int k = _scorer.PassNames.Count;
        if (_scores.Length < n)
        {
            int size = Math.Max(n, 2 * _scores.Length);
            _scores = new double[size];
            _alerts = new double[size];
            _passScores = new double[size * k];
        }

        var perPass = _passScores.AsSpan(0, n * k);
        _scorer.ScoreAll(timestampsMs, values, _alerts.AsSpan(0, n), _scores.AsSpan(0, n), perPass);
        _windows.Feed(timestampsMs, _scores.AsSpan(0, n), perPass, ChangedWindows.Add);
        _gaps.Feed(timestampsMs, (start, end, missing) => Gaps.Add((start, end, missing)));
        WatermarkMs = timestampsMs[^1];
        PointsSeen += n;
        _last = n;
    }

    public SeriesCursor ToCursor()
    {
        var state = new ArrayBufferWriter<byte>();
        _scorer.WriteState(state);
        var blob = new byte[8 + state.WrittenCount + _windows.StateSize + GapTracker.StateSize];
        BinaryPrimitives.WriteInt32LittleEndian(blob, BlobVersion);
        BinaryPrimitives.WriteInt32LittleEndian(blob.AsSpan(4), state.WrittenCount);
        state.WrittenSpan.CopyTo(blob.AsSpan(8));
        _windows.Write(blob.AsSpan(8 + state.WrittenCount, _windows.StateSize));
        _gaps.Write(blob.AsSpan(8 + state.WrittenCount + _windows.StateSize));
        return new SeriesCursor(SeriesId, WatermarkMs, PointsSeen, blob);
    }
}
