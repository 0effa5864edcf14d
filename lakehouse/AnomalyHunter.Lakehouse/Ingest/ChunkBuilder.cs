namespace AnomalyHunter.Lakehouse.Ingest;

/// <summary>Collects accepted points and rejected rows of one file into <see cref="SourceChunk"/>s of at most <see cref="IngestOptions.ChunkRows"/> points.</summary>
/// <remarks>Arrays start small and double up to the chunk size, so small files do not allocate full chunks; each chunk gets fresh arrays that the consumer owns.</remarks>
internal sealed class ChunkBuilder
{
    private const int InitialCapacity = 4096;
    private readonly string _path;
    private readonly int _chunkRows;
    private readonly SeriesKeyTable? _keys;
    private int[] _keyIndex;
    private long[] _timestamps;
    private double[] _values;
    private long[] _lines;
    private List<QuarantinedRow> _rejected = [];

    public ChunkBuilder(string path, int chunkRows, SeriesKeyTable? keys)
    {
        _path = path;
        _chunkRows = chunkRows;
        _keys = keys;
        int capacity = Math.Min(InitialCapacity, chunkRows);
        _keyIndex = new int[capacity];
        _timestamps = new long[capacity];
        _values = new double[capacity];
        _lines = new long[capacity];
    }

    /// <summary>Accepted points in the current chunk.</summary>
    public int Count { get; private set; }

    /// <summary>Rows rejected over the whole file so far.</summary>
    public long RejectedTotal { get; private set; }

    /// <summary>Points that still fit in the current chunk.</summary>
    public int Remaining => _chunkRows - Count;

    /// <summary>True when the chunk should be handed out (points or rejections reached the chunk size).</summary>
    public bool IsFull => Count >= _chunkRows || _rejected.Count >= _chunkRows;

    /// <summary>True when the current chunk holds anything.</summary>
    public bool HasContent => Count > 0 || _rejected.Count > 0;

    /// <summary>Adds one accepted point.</summary>
    public void Add(int keyIndex, long timestampMs, double value, long line)
    {
        int i = Count;
        if (i == _keyIndex.Length)
        {
            Grow();
        }

        _keyIndex[i] = keyIndex;
        _timestamps[i] = timestampMs;
        _values[i] = value;
        _lines[i] = line;
        Count = i + 1;
    }

    /// <summary>Adds one rejected row.</summary>
    public void Reject(long line, QuarantineReason reason, string detail, string raw)
    {
        _rejected.Add(new QuarantinedRow(_path, line, reason, detail, raw));
        RejectedTotal++;
    }

    /// <summary>Hands out the current chunk and starts a new one.</summary>
    public SourceChunk Build()
    {
        var chunk = new SourceChunk
        {
            SourcePath = _path,
            Keys = _keys is null ? [] : _keys.Snapshot(),
            KeyIndex = _keyIndex,
            TimestampsMs = _timestamps,
            Values = _values,
            LineNumbers = _lines,
            Count = Count,
            Rejected = _rejected,
        };
        int capacity = Math.Min(Math.Max(_keyIndex.Length, Count), _chunkRows);
        _keyIndex = new int[capacity];
        _timestamps = new long[capacity];
        _values = new double[capacity];
        _lines = new long[capacity];
        _rejected = [];
        Count = 0;
        return chunk;
    }

    private void Grow()
    {
        int capacity = Math.Min(_keyIndex.Length * 2, _chunkRows);
        Array.Resize(ref _keyIndex, capacity);
        Array.Resize(ref _timestamps, capacity);
        Array.Resize(ref _values, capacity);
        Array.Resize(ref _lines, capacity);
    }
}
