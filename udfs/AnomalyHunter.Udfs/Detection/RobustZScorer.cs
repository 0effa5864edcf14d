using System.Buffers;
using System.Buffers.Binary;

namespace AnomalyHunter.Udfs.Detection;

/// <summary>Rolling median/MAD scorer over a trailing window of finite values.</summary>
internal sealed class RobustZScorer : ISeriesScorer
{
    private const double MadToSigma = 1.4826;
    private const double MeanAbsToSigma = 1.2533;
    private readonly RobustZOptions _options;
    private readonly double[] _ring;
    private readonly SortedWindow _sorted;
    private readonly double[] _scratch;
    private int _count;
    private int _head;

    public RobustZScorer(RobustZOptions options)
    {
        _options = options;
        _ring = new double[options.Window];
        _sorted = new SortedWindow(options.Window);
        _scratch = new double[options.Window];
    }

    public void Score(ReadOnlySpan<long> timestampsMs, ReadOnlySpan<double> values, Span<double> scores)
    {
        if (values.Length != scores.Length || timestampsMs.Length != values.Length)
        {
            throw new ArgumentException("Timestamps, values and scores must have the same length.", nameof(scores));
        }

        for (int i = 0; i < values.Length; i++)
        {
            double x = values[i];
            if (!double.IsFinite(x))
            {
                scores[i] = 0.0;
                continue;
            }

            scores[i] = _count >= _options.MinHistory ? ScoreAgainstWindow(x) : 0.0;
            Push(x);
        }
    }

    private double ScoreAgainstWindow(double x)
    {
        double median = _sorted.Median();
        double scale = MadToSigma * _sorted.MedianAbsoluteDeviation(median, _scratch);
        if (scale <= 0.0)
        {
            // why: a window that is mostly one value has MAD 0; fall back to the mean absolute deviation.
            scale = MeanAbsToSigma * _sorted.MeanAbsoluteDeviation(median);
        }

        double deviation = Math.Abs(x - median);
        if (scale <= 0.0)
        {
            return deviation == 0.0 ? 0.0 : ScoreScale.Max;
        }

        return ScoreScale.FromTwoSidedZ(deviation / scale);
    }

    private void Push(double x)
    {
        if (_count == _ring.Length)
        {
            _sorted.Remove(_ring[_head]);
        }
        else
        {
            _count++;
        }

        _ring[_head] = x;
        _sorted.Insert(x);
        _head = (_head + 1) % _ring.Length;
    }

    public void WriteState(IBufferWriter<byte> writer)
    {
        int size = 12 + (8 * _count);
        Span<byte> span = writer.GetSpan(size);
        BinaryPrimitives.WriteInt32LittleEndian(span, 1);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], _count);
        BinaryPrimitives.WriteInt32LittleEndian(span[8..], _head);
        int start = _count == _ring.Length ? _head : 0;
        for (int k = 0; k < _count; k++)
        {
            // Oldest first, so restore rebuilds the ring in order.
            double v = _ring[(start + k) % _ring.Length];
            BinaryPrimitives.WriteDoubleLittleEndian(span[(12 + (8 * k))..], v);
        }

        writer.Advance(size);
    }

    public static RobustZScorer Restore(RobustZOptions options, ReadOnlySpan<byte> state, int expectedVersion)
    {
        if (state.Length < 12 || BinaryPrimitives.ReadInt32LittleEndian(state) != expectedVersion)
        {
            throw new InvalidDataException("The saved robust-z state has an unknown version.");
        }

        int count = BinaryPrimitives.ReadInt32LittleEndian(state[4..]);
        if (count < 0 || count > options.Window || state.Length != 12 + (8 * count))
        {
            throw new InvalidDataException("The saved robust-z state does not match the configured window.");
        }

        var scorer = new RobustZScorer(options);
        for (int k = 0; k < count; k++)
        {
            scorer.Push(BinaryPrimitives.ReadDoubleLittleEndian(state[(12 + (8 * k))..]));
        }

        return scorer;
    }
}
