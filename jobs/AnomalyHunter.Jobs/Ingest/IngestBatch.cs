using AnomalyHunter.Lakehouse.Catalog;
using AnomalyHunter.Lakehouse.Ingest;
using AnomalyHunter.Lakehouse.Model;
using AnomalyHunter.Lakehouse.Storage;

namespace AnomalyHunter.Jobs.Ingest;

/// <summary>Rows of the sources read since the last commit, bucketed by partition.</summary>
internal sealed class IngestBatch
{
    private const long DayMs = 86_400_000;
    private readonly Dictionary<(int Place, int Day), PartitionBuffer> _buffers = [];
    private readonly Dictionary<(string Tenant, string Region), int> _places = [];
    private readonly List<(string Tenant, string Region)> _placeList = [];
    private PartitionBuffer? _last;
    private (int Place, int Day) _lastKey = (-1, int.MinValue);

    public List<(IngestSource Source, long Accepted, long Rejected)> Sources { get; } = [];

    public long Rows { get; private set; }

    /// <summary>Rows the readers rejected, published with the batch's commit.</summary>
    public List<QuarantinedRow> Rejected { get; } = [];

    public IEnumerable<PartitionBuffer> Partitions =>
        _buffers.Values.OrderBy(b => b.Partition.Tenant, StringComparer.Ordinal)
            .ThenBy(b => b.Partition.Region, StringComparer.Ordinal)
            .ThenBy(b => b.Partition.PartitionDate, StringComparer.Ordinal);

    public int PlaceOf(SeriesKey key)
    {
        if (!_places.TryGetValue((key.Tenant, key.Region), out int place))
        {
            place = _placeList.Count;
            _places.Add((key.Tenant, key.Region), place);
            _placeList.Add((key.Tenant, key.Region));
        }

        return place;
    }

    public void Add(int place, long seriesId, long timestampMs, double value, int sourceIndex, long line)
    {
        int day = (int)(timestampMs >= 0 ? timestampMs / DayMs : ((timestampMs + 1) / DayMs) - 1);
        if (_lastKey != (place, day))
        {
            if (!_buffers.TryGetValue((place, day), out _last))
            {
                var (tenant, region) = _placeList[place];
                string date = LakeLayout.DateOf(timestampMs).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                _last = new PartitionBuffer(new PartitionRef(tenant, region, date));
                _buffers.Add((place, day), _last);
            }

            _lastKey = (place, day);
        }

        _last!.Add(seriesId, timestampMs, value, sourceIndex, line);
        Rows++;
    }

    public void Clear()
    {
        _buffers.Clear();
        Sources.Clear();
        Rejected.Clear();
        Rows = 0;
        _last = null;
        _lastKey = (-1, int.MinValue);
    }
}
