using System.Buffers;
using System.Buffers.Binary;
using AnomalyHunter.Lakehouse.Catalog;

namespace AnomalyHunter.Jobs.Detect;

/// <summary>The detection state of one series during a run: one scorer per pass, the window tracker and the watermark.</summary>
internal sealed class SeriesDetection
{
    private const int BlobVersion = 2;
    private readonly PassSet _passes;
    private readonly Udfs.Detection.ISeriesScorer[] _scorers;
    private readonly WindowTracker _windows;
    private readonly bool _hasAlerts;
    private double[] _scores = [];
    private double[] _passScores = [];
    private double[] _pass = [];
    private double[] _alert = [];
    private double[] _alerts = [];

    private SeriesDetection(long seriesId, PassSet passes, Udfs.Detection.ISeriesScorer[] scorers, WindowTracker windows, long watermarkMs, long pointsSeen)
    {
        SeriesId = seriesId;
        _passes = passes;
        _scorers = scorers;
        _windows = windows;
        WatermarkMs = watermarkMs;
        PointsSeen = pointsSeen;
        _hasAlerts = scorers.Any(s => s is Udfs.Detection.IDeviationSeriesScorer);
    }

    public long SeriesId { get; }

    public long WatermarkMs { get; private set; }

    public long PointsSeen { get; private set; }

    public List<WindowSnapshot> ChangedWindows { get; } = [];

    public static SeriesDetection Fresh(long seriesId, PassSet passes, DetectOptions options) =>
        new(seriesId, passes, [.. passes.Passes.Select(p => p.Create())], new WindowTracker(options.Threshold, options.MergeGap, passes.Count), long.MinValue, 0);

    public static SeriesDetection Restore(SeriesCursor cursor, PassSet passes, DetectOptions options)
    {
        ReadOnlySpan<byte> blob = cursor.State;
        if (blob.Length < 8 || BinaryPrimitives.ReadInt32LittleEndian(blob) != BlobVersion
            || BinaryPrimitives.ReadInt32LittleEndian(blob[4..]) != passes.Count)
        {
            throw new InvalidDataException($"The saved detection state of series {cursor.SeriesId} is not readable by this configuration.");
        }

        int at = 8;
        var scorers = new Udfs.Detection.ISeriesScorer[passes.Count];
        for (int p = 0; p < passes.Count; p++)
        {
            int length = BinaryPrimitives.ReadInt32LittleEndian(blob[at..]);
            scorers[p] = passes.Passes[p].Restore(blob.Slice(at + 4, length));
            at += 4 + length;
        }

        var windows = new WindowTracker(options.Threshold, options.MergeGap, passes.Count);
        windows.Read(blob[at..]);
        return new SeriesDetection(cursor.SeriesId, passes, scorers, windows, cursor.WatermarkMs, cursor.PointsSeen);
    }

    /// <summary>The combined deviation scores of the last <see cref="Score"/> call (they form the windows).</summary>
    public ReadOnlySpan<double> LastScores => _scores.AsSpan(0, _last);

    /// <summary>The alert scores of the last call: the onset of something new, from passes that report onsets; otherwise the combined score.</summary>
    public ReadOnlySpan<double> LastAlerts => _alerts.AsSpan(0, _last);

    private int _last;

    /// <summary>Scores points that follow the watermark, in time order; see <see cref="LastScores"/> and <see cref="LastAlerts"/>.</summary>
    public void Score(ReadOnlySpan<long> timestampsMs, ReadOnlySpan<double> values)
    {
        int n = values.Length;
        int k = _scorers.Length;
        if (_scores.Length < n)
        {
            int size = Math.Max(n, 2 * _scores.Length);
            _scores = new double[size];
            _pass = new double[size];
            _alert = new double[size];
            _alerts = new double[size];
            _passScores = new double[size * k];
        }

        var combined = _scores.AsSpan(0, n);
        var alerts = _alerts.AsSpan(0, n);
        alerts.Clear();
        var perPass = _passScores.AsSpan(0, n * k);
        for (int p = 0; p < k; p++)
        {
            var own = _pass.AsSpan(0, n);
            if (_scorers[p] is Udfs.Detection.IDeviationSeriesScorer twoOutputs)
            {
                var alert = _alert.AsSpan(0, n);
                twoOutputs.Score(timestampsMs, values, alert, own);
                for (int i = 0; i < n; i++)
                {
                    alerts[i] = Math.Max(alerts[i], alert[i]);
                }
            }
            else
            {
                _scorers[p].Score(timestampsMs, values, own);
            }

            for (int i = 0; i < n; i++)
            {
                perPass[(i * k) + p] = own[i];
            }
        }

        for (int i = 0; i < n; i++)
        {
            combined[i] = _passes.Combine(perPass.Slice(i * k, k));
        }

        if (!_hasAlerts)
        {
            combined.CopyTo(alerts);
        }

        _windows.Feed(timestampsMs, combined, perPass, ChangedWindows.Add);
        WatermarkMs = timestampsMs[^1];
        PointsSeen += n;
        _last = n;
    }

    public SeriesCursor ToCursor()
    {
        var buffer = new ArrayBufferWriter<byte>();
        Span<byte> header = buffer.GetSpan(8);
        BinaryPrimitives.WriteInt32LittleEndian(header, BlobVersion);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], _scorers.Length);
        buffer.Advance(8);
        var state = new ArrayBufferWriter<byte>();
        foreach (var scorer in _scorers)
        {
            state.Clear();
            scorer.WriteState(state);
            BinaryPrimitives.WriteInt32LittleEndian(buffer.GetSpan(4), state.WrittenCount);
            buffer.Advance(4);
            buffer.Write(state.WrittenSpan);
        }

        _windows.Write(buffer.GetSpan(_windows.StateSize)[.._windows.StateSize]);
        buffer.Advance(_windows.StateSize);
        return new SeriesCursor(SeriesId, WatermarkMs, PointsSeen, buffer.WrittenSpan.ToArray());
    }
}
