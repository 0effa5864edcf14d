using System.Buffers.Binary;

namespace AnomalyHunter.Jobs.Detect;

/// <summary>
/// Merges anomalous points of one series into windows: a window opens at the first point scoring at or above the
/// threshold, absorbs later anomalous points separated by at most <c>mergeGap</c> quieter points, and closes after more
/// than that many quiet points. Its state survives between runs, so batch boundaries do not split windows.
/// </summary>
internal sealed class WindowTracker
{
    public const int StateSize = 1 + (8 * 4) + (4 * 2);
    private readonly double _threshold;
    private readonly int _mergeGap;

    public WindowTracker(double threshold, int mergeGap)
    {
        _threshold = threshold;
        _mergeGap = mergeGap;
    }

    public bool IsOpen { get; private set; }

    public long StartMs { get; private set; }

    public long EndMs { get; private set; }

    public long PeakMs { get; private set; }

    public double PeakScore { get; private set; }

    public int Points { get; private set; }

    private int _quiet;

    /// <summary>Feeds scored points; <paramref name="onWindow"/> receives every window that changed (closed ones with open = false).</summary>
    public void Feed(ReadOnlySpan<long> timestampsMs, ReadOnlySpan<double> scores, Action<WindowSnapshot> onWindow)
    {
        bool changed = false;
        for (int i = 0; i < scores.Length; i++)
        {
            double s = scores[i];
            if (s >= _threshold)
            {
                if (!IsOpen)
                {
                    IsOpen = true;
                    StartMs = timestampsMs[i];
                    PeakMs = timestampsMs[i];
                    PeakScore = s;
                    Points = 0;
                }
                else if (s > PeakScore)
                {
                    PeakScore = s;
                    PeakMs = timestampsMs[i];
                }

                EndMs = timestampsMs[i];
                Points++;
                _quiet = 0;
                changed = true;
            }
            else if (IsOpen && ++_quiet > _mergeGap)
            {
                IsOpen = false;
                onWindow(Snapshot(open: false));
                changed = false;
            }
        }

        if (IsOpen && changed)
        {
            onWindow(Snapshot(open: true));
        }
    }

    private WindowSnapshot Snapshot(bool open) => new(StartMs, EndMs, PeakMs, PeakScore, Points, open);

    public void Write(Span<byte> into)
    {
        into[0] = IsOpen ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteInt64LittleEndian(into[1..], StartMs);
        BinaryPrimitives.WriteInt64LittleEndian(into[9..], EndMs);
        BinaryPrimitives.WriteInt64LittleEndian(into[17..], PeakMs);
        BinaryPrimitives.WriteDoubleLittleEndian(into[25..], PeakScore);
        BinaryPrimitives.WriteInt32LittleEndian(into[33..], Points);
        BinaryPrimitives.WriteInt32LittleEndian(into[37..], _quiet);
    }

    public void Read(ReadOnlySpan<byte> from)
    {
        IsOpen = from[0] == 1;
        StartMs = BinaryPrimitives.ReadInt64LittleEndian(from[1..]);
        EndMs = BinaryPrimitives.ReadInt64LittleEndian(from[9..]);
        PeakMs = BinaryPrimitives.ReadInt64LittleEndian(from[17..]);
        PeakScore = BinaryPrimitives.ReadDoubleLittleEndian(from[25..]);
        Points = BinaryPrimitives.ReadInt32LittleEndian(from[33..]);
        _quiet = BinaryPrimitives.ReadInt32LittleEndian(from[37..]);
    }
}
