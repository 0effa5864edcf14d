using AnomalyHunter.Lakehouse.Catalog;
using AnomalyHunter.Lakehouse.Storage;

namespace AnomalyHunter.Jobs.Ingest;

/// <summary>Rows of one partition in arrival order, until they are sorted by series then time and deduplicated.</summary>
internal sealed class PartitionBuffer
{
    private const int InitialCapacity = 1024;
    private long[] _series = new long[InitialCapacity];
    private long[] _ts = new long[InitialCapacity];
    private double[] _values = new double[InitialCapacity];
    private int[] _source = new int[InitialCapacity];
    private long[] _line = new long[InitialCapacity];

    public PartitionBuffer(PartitionRef partition) => Partition = partition;

    public PartitionRef Partition { get; }

    public int Count { get; private set; }

    public void Add(long seriesId, long timestampMs, double value, int sourceIndex, long line)
    {
        if (Count == _series.Length)
        {
            int size = Count * 2;
            Array.Resize(ref _series, size);
            Array.Resize(ref _ts, size);
            Array.Resize(ref _values, size);
            Array.Resize(ref _source, size);
            Array.Resize(ref _line, size);
        }

        _series[Count] = seriesId;
        _ts[Count] = timestampMs;
        _values[Count] = value;
        _source[Count] = sourceIndex;
        _line[Count] = line;
        Count++;
    }

    public long SeriesIdAt(int row) => _series[row];

    public long TimestampAt(int row) => _ts[row];

    public double ValueAt(int row) => _values[row];

    public int SourceAt(int row) => _source[row];

    public long LineAt(int row) => _line[row];

    /// <summary>Arrival indices ordered by (series, time, arrival): a counting sort by series, then a time sort only where needed.</summary>
    public int[] SortedOrder()
    {
        var dense = new Dictionary<long, int>();
        for (int i = 0; i < Count; i++)
        {
            dense.TryAdd(_series[i], dense.Count);
        }

        long[] ids = [.. dense.Keys];
        Array.Sort(ids);
        var rankOfDense = new int[ids.Length];
        for (int r = 0; r < ids.Length; r++)
        {
            rankOfDense[dense[ids[r]]] = r;
        }

        var starts = new int[ids.Length + 1];
        var rank = new int[Count];
        for (int i = 0; i < Count; i++)
        {
            rank[i] = rankOfDense[dense[_series[i]]];
            starts[rank[i] + 1]++;
        }

        for (int r = 0; r < ids.Length; r++)
        {
            starts[r + 1] += starts[r];
        }

        var order = new int[Count];
        var next = (int[])starts.Clone();
        for (int i = 0; i < Count; i++)
        {
            order[next[rank[i]]++] = i;
        }

        for (int r = 0; r < ids.Length; r++)
        {
            SortRangeByTime(order, starts[r], starts[r + 1]);
        }

        return order;
    }

    private void SortRangeByTime(int[] order, int start, int end)
    {
        bool sorted = true;
        for (int k = start + 1; k < end && sorted; k++)
        {
            sorted = _ts[order[k - 1]] <= _ts[order[k]];
        }

        if (sorted)
        {
            return;
        }

        // why: ties must stay in arrival order so that keep-first and keep-last are well defined.
        var slice = order.AsSpan(start, end - start);
        var ts = _ts;
        slice.Sort((a, b) =>
        {
            int c = ts[a].CompareTo(ts[b]);
            return c != 0 ? c : a.CompareTo(b);
        });
    }

    /// <summary>Builds a sorted block from the kept arrival indices (already in sorted order).</summary>
    public MetricsBlock ToBlock(IReadOnlyList<int> kept)
    {
        var ids = new long[kept.Count];
        var ts = new long[kept.Count];
        var values = new double[kept.Count];
        for (int k = 0; k < kept.Count; k++)
        {
            int i = kept[k];
            ids[k] = _series[i];
            ts[k] = _ts[i];
            values[k] = _values[i];
        }

        return new MetricsBlock(ids, ts, values, kept.Count);
    }
}
