using System.Buffers.Binary;

namespace AnomalyHunter.Jobs.Detect;

/// <summary>
/// Merges anomalous points of one series into windows: a window opens at the first point whose combined score is at or
/// above the threshold, absorbs later anomalous points separated by at most <c>mergeGap</c> quieter points, and closes
/// after more than that many quiet points. It keeps each pass's peak score inside the window. Its state survives between
/// runs, so batch boundaries do not split windows.
/// </summary>
internal sealed class WindowTracker
{
    private const int FixedSize = 1 + (8 * 4) + (4 * 2);
    private readonly double _threshold;
    private readonly int _mergeGap;
    private readonly double[] _passPeaks;
    private int _quiet;

    public WindowTracker(double threshold, int mergeGap, int passes)
    {
        _threshold = threshold;
        _mergeGap = mergeGap;
        _passPeaks = new double[passes];
    }

    public int StateSize => FixedSize + (8 * _passPeaks.Length);

    public bool IsOpen { get; private set; }

    public long StartMs { get; private set; }

    public long EndMs { get; private set; }

    public long PeakMs { get; private set; }

    public double PeakScore { get; private set; }

    public int Points { get; private set; }

    /// <summary>Feeds scored points; <paramref name="passScores"/> holds each pass's scores (row-major, passes per point).</summary>
    public void Feed(ReadOnlySpan<long> timestampsMs, ReadOnlySpan<double> scores, ReadOnlySpan<double> passScores, Action<WindowSnapshot> onWindow)
    {
        int k = _passPeaks.Length;
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
                    Array.Clear(_passPeaks);
                }
                else if (s > PeakScore)
                {
                    PeakScore = s;
                    PeakMs = timestampsMs[i];
                }

                for (int p = 0; p < k; p++)
                {
                    _passPeaks[p] = Math.Max(_passPeaks[p], passScores[(i * k) + p]);
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

    private WindowSnapshot Snapshot(bool open) => new(StartMs, EndMs, PeakMs, PeakScore, Points, open, [.. _passPeaks]);

    public void Write(Span<byte> into)
    {
        into[0] = IsOpen ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteInt64LittleEndian(into[1..], StartMs);
        BinaryPrimitives.WriteInt64LittleEndian(into[9..], EndMs);
        BinaryPrimitives.WriteInt64LittleEndian(into[17..], PeakMs);
        BinaryPrimitives.WriteDoubleLittleEndian(into[25..], PeakScore);
        BinaryPrimitives.WriteInt32LittleEndian(into[33..], Points);
        BinaryPrimitives.WriteInt32LittleEndian(into[37..], _quiet);
        for (int p = 0; p < _passPeaks.Length; p++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(into[(FixedSize + (8 * p))..], _passPeaks[p]);
        }
    }

    public void Read(ReadOnlySpan<byte> from)
    {
        if (from.Length != StateSize)
        {
            throw new InvalidDataException("The saved window state does not match the number of passes.");
        }

        IsOpen = from[0] == 1;
        StartMs = BinaryPrimitives.ReadInt64LittleEndian(from[1..]);
        EndMs = BinaryPrimitives.ReadInt64LittleEndian(from[9..]);
        PeakMs = BinaryPrimitives.ReadInt64LittleEndian(from[17..]);
        PeakScore = BinaryPrimitives.ReadDoubleLittleEndian(from[25..]);
        Points = BinaryPrimitives.ReadInt32LittleEndian(from[33..]);
        _quiet = BinaryPrimitives.ReadInt32LittleEndian(from[37..]);
        for (int p = 0; p < _passPeaks.Length; p++)
        {
            _passPeaks[p] = BinaryPrimitives.ReadDoubleLittleEndian(from[(FixedSize + (8 * p))..]);
        }
    }
}
