using System.Buffers;
using System.Buffers.Binary;
using AnomalyHunter.Lakehouse.Catalog;
using AnomalyHunter.Udfs.Detection;

namespace AnomalyHunter.Jobs.Detect;

/// <summary>The detection state of one series during a run: its scorer, its window tracker and its watermark.</summary>
internal sealed class SeriesDetection
{
    private const int BlobVersion = 1;
    private readonly ISeriesScorer _scorer;
    private readonly WindowTracker _windows;
    private double[] _scores = [];

    private SeriesDetection(long seriesId, ISeriesScorer scorer, WindowTracker windows, long watermarkMs, long pointsSeen)
    {
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

    public static SeriesDetection Fresh(long seriesId, ISeriesScorerFactory factory, DetectOptions options) =>
        new(seriesId, factory.Create(), new WindowTracker(options.Threshold, options.MergeGap), long.MinValue, 0);

    public static SeriesDetection Restore(SeriesCursor cursor, ISeriesScorerFactory factory, DetectOptions options)
    {
        ReadOnlySpan<byte> blob = cursor.State;
        if (blob.Length < 8 + WindowTracker.StateSize || BinaryPrimitives.ReadInt32LittleEndian(blob) != BlobVersion)
        {
            throw new InvalidDataException($"The saved detection state of series {cursor.SeriesId} is not readable.");
        }

        int scorerLength = BinaryPrimitives.ReadInt32LittleEndian(blob[4..]);
        var scorer = factory.Restore(blob.Slice(8, scorerLength));
        var windows = new WindowTracker(options.Threshold, options.MergeGap);
        windows.Read(blob[(8 + scorerLength)..]);
        return new SeriesDetection(cursor.SeriesId, scorer, windows, cursor.WatermarkMs, cursor.PointsSeen);
    }

    /// <summary>Scores points that follow the watermark, in time order; returns the scores (valid until the next call).</summary>
    public ReadOnlySpan<double> Score(ReadOnlySpan<long> timestampsMs, ReadOnlySpan<double> values)
    {
        if (_scores.Length < values.Length)
        {
            _scores = new double[Math.Max(values.Length, 2 * _scores.Length)];
        }

        var scores = _scores.AsSpan(0, values.Length);
        _scorer.Score(timestampsMs, values, scores);
        _windows.Feed(timestampsMs, scores, ChangedWindows.Add);
        WatermarkMs = timestampsMs[^1];
        PointsSeen += values.Length;
        return scores;
    }

    public SeriesCursor ToCursor()
    {
        var scorerState = new ArrayBufferWriter<byte>();
        _scorer.WriteState(scorerState);
        var blob = new byte[8 + scorerState.WrittenCount + WindowTracker.StateSize];
        BinaryPrimitives.WriteInt32LittleEndian(blob, BlobVersion);
        BinaryPrimitives.WriteInt32LittleEndian(blob.AsSpan(4), scorerState.WrittenCount);
        scorerState.WrittenSpan.CopyTo(blob.AsSpan(8));
        _windows.Write(blob.AsSpan(8 + scorerState.WrittenCount));
        return new SeriesCursor(SeriesId, WatermarkMs, PointsSeen, blob);
    }
}
