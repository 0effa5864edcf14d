using System.Collections;
using AnomalyHunter.Lakehouse.Catalog;

namespace AnomalyHunter.Jobs.Detect;

/// <summary>
/// Saved detection states of one run, kept in a temporary file until the commit reads them back one at a time, so a
/// run's memory holds the states of one batch of series rather than of every series.
/// </summary>
internal sealed class CursorSpill : IDisposable
{
    private readonly FileStream _file;
    private readonly Lock _gate = new();
    private readonly List<(long SeriesId, long WatermarkMs, long PointsSeen, long Offset, int Length)> _series = [];
    private readonly List<(string GroupKey, long WatermarkMs, long PointsSeen, long Offset, int Length)> _groups = [];
    private long _end;

    public CursorSpill()
    {
        string path = Path.Combine(Path.GetTempPath(), "anomaly-hunter-detect-" + Guid.NewGuid().ToString("N") + ".states");
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
    }

    /// <summary>Saves a series cursor (thread-safe).</summary>
    public void Add(long seriesId, long watermarkMs, long pointsSeen, ReadOnlySpan<byte> state)
    {
        lock (_gate)
        {
            _series.Add((seriesId, watermarkMs, pointsSeen, Append(state), state.Length));
        }
    }

    /// <summary>Saves a group cursor (thread-safe).</summary>
    public void Add(string groupKey, long watermarkMs, long pointsSeen, ReadOnlySpan<byte> state)
    {
        lock (_gate)
        {
            _groups.Add((groupKey, watermarkMs, pointsSeen, Append(state), state.Length));
        }
    }

    /// <summary>The saved series cursors in series-id order; each state is read from the file when the item is read.</summary>
    public IReadOnlyList<SeriesCursor> SeriesCursors()
    {
        var index = _series.OrderBy(s => s.SeriesId).ToArray();
        return new LazyList<SeriesCursor>(index.Length, i => new SeriesCursor(index[i].SeriesId, index[i].WatermarkMs, index[i].PointsSeen, Load(index[i].Offset, index[i].Length)));
    }

    /// <summary>The saved group cursors in ordinal key order; each state is read from the file when the item is read.</summary>
    public IReadOnlyList<GroupCursor> GroupCursors()
    {
        var index = _groups.OrderBy(g => g.GroupKey, StringComparer.Ordinal).ToArray();
        return new LazyList<GroupCursor>(index.Length, i => new GroupCursor(index[i].GroupKey, index[i].WatermarkMs, index[i].PointsSeen, Load(index[i].Offset, index[i].Length)));
    }

    public void Dispose() => _file.Dispose();

    private long Append(ReadOnlySpan<byte> state)
    {
        long at = _end;
        RandomAccess.Write(_file.SafeFileHandle, state, at);
        _end += state.Length;
        return at;
    }

    private byte[] Load(long offset, int length)
    {
        var state = new byte[length];
        int read = 0;
        while (read < length)
        {
            int n = RandomAccess.Read(_file.SafeFileHandle, state.AsSpan(read), offset + read);
            if (n == 0)
            {
                throw new EndOfStreamException("The detection state file ended early.");
            }

            read += n;
        }

        return state;
    }

    private sealed class LazyList<T>(int count, Func<int, T> load) : IReadOnlyList<T>
    {
        public int Count => count;

        public T this[int index] => (uint)index < (uint)count ? load(index) : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<T> GetEnumerator()
        {
            for (int i = 0; i < count; i++)
            {
                yield return load(i);
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
