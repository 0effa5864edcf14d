using System.Buffers.Binary;

namespace AnomalyHunter.Jobs.Detect;

/// <summary>
/// Finds missing data in a regular series: the expected cadence is the median of the last <see cref="Steps"/> positive
/// steps (learned causally, from the points before), and a step longer than (<c>minMissing</c> + ½) cadences is a gap
/// of that many absent points. The gap becomes a window from the first to the last absent timestamp when data resumes.
/// Irregular series (no cadence yet, or steps that vary) simply widen the learned cadence and report nothing.
/// </summary>
internal sealed class GapTracker
{
    /// <summary>Steps remembered for the cadence.</summary>
    public const int Steps = 16;

    /// <summary>Bytes of the saved state.</summary>
    public const int StateSize = 8 + 4 + 4 + (8 * Steps);

    private readonly int _minMissing;
    private readonly long[] _steps = new long[Steps];
    private readonly long[] _sorted = new long[Steps];
    private long _lastMs = long.MinValue;
    private int _count;
    private int _head;

    public GapTracker(int minMissing)
    {
        _minMissing = minMissing;
    }

    /// <summary>Feeds points in time order and reports each gap as (first absent ms, last absent ms, absent points); minMissing 0 turns it off.</summary>
    public void Feed(ReadOnlySpan<long> timestampsMs, Action<long, long, long> onGap)
    {
        foreach (long t in timestampsMs)
        {
            if (_lastMs != long.MinValue && t > _lastMs)
            {
                long step = t - _lastMs;
                if (_minMissing > 0 && _count == Steps)
                {
                    long cadence = Cadence();
                    long missing = (long)Math.Round(step / (double)cadence) - 1;
                    if (cadence > 0 && step > (_minMissing + 0.5) * cadence && missing >= _minMissing)
                    {
                        onGap(_lastMs + cadence, t - cadence, missing);
                        // why: the gap itself is not a step of the cadence.
                        _lastMs = t;
                        continue;
                    }
                }

                _steps[_head] = step;
                _head = (_head + 1) % Steps;
                _count = Math.Min(Steps, _count + 1);
            }

            _lastMs = Math.Max(_lastMs, t);
        }
    }

    private long Cadence()
    {
        Array.Copy(_steps, _sorted, Steps);
        Array.Sort(_sorted);
        return _sorted[Steps / 2];
    }

    public void Write(Span<byte> into)
    {
        BinaryPrimitives.WriteInt64LittleEndian(into, _lastMs);
        BinaryPrimitives.WriteInt32LittleEndian(into[8..], _count);
        BinaryPrimitives.WriteInt32LittleEndian(into[12..], _head);
        for (int i = 0; i < Steps; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(into[(16 + (8 * i))..], _steps[i]);
        }
    }

    public void Read(ReadOnlySpan<byte> from)
    {
        if (from.Length != StateSize)
        {
            throw new InvalidDataException("The saved gap state has the wrong size.");
        }

        _lastMs = BinaryPrimitives.ReadInt64LittleEndian(from);
        _count = BinaryPrimitives.ReadInt32LittleEndian(from[8..]);
        _head = BinaryPrimitives.ReadInt32LittleEndian(from[12..]);
        if (_count is < 0 or > Steps || _head is < 0 or >= Steps)
        {
            throw new InvalidDataException("The saved gap state is inconsistent.");
        }

        for (int i = 0; i < Steps; i++)
        {
            _steps[i] = BinaryPrimitives.ReadInt64LittleEndian(from[(16 + (8 * i))..]);
        }
    }
}
