using System.Globalization;
using AnomalyHunter.Lakehouse.Model;

namespace AnomalyHunter.Lakehouse.Ingest;

/// <summary>Interns the series of one file: rows with the same key text (metric, tenant, region, labels) share one group, looked up without allocating.</summary>
/// <remarks>
/// The caller writes each key field of a row into a scratch buffer (<see cref="BeginField"/>/<see cref="EndField"/>); the text,
/// each field prefixed by its length, is the dictionary key. Empty label values mean "no such label" (Prometheus style);
/// an empty metric, tenant or region, or a value longer than <see cref="IngestOptions.MaxLabelLength"/>, is an invalid label.
/// </remarks>
internal sealed class SeriesKeyTable
{
    private readonly Dictionary<string, int> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<int[]> _groupSlots = [];
    private readonly List<string[]> _groupValues = [];
    private readonly KeyField[] _fields;
    private readonly string?[] _slotMetrics;
    private readonly IngestOptions _options;
    private char[] _scratch = new char[256];
    private int _length;
    private int _fieldStart;
    private SeriesKey[] _keys = new SeriesKey[16];
    private int _keyCount;

    public SeriesKeyTable(KeyField[] fields, string?[] slotMetrics, IngestOptions options)
    {
        _fields = fields;
        _slotMetrics = slotMetrics;
        _options = options;
        _lookup = _groups.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Number of distinct series keys so far.</summary>
    public int KeyCount => _keyCount;

    /// <summary>Starts the key text of a new row.</summary>
    public void Reset() => _length = 0;

    /// <summary>Returns room for the next field of at most <paramref name="maxChars"/> characters.</summary>
    public Span<char> BeginField(int maxChars)
    {
        int needed = _length + 1 + maxChars;
        if (needed > _scratch.Length)
        {
            Array.Resize(ref _scratch, Math.Max(needed, _scratch.Length * 2));
        }

        _fieldStart = _length + 1;
        return _scratch.AsSpan(_fieldStart, maxChars);
    }

    /// <summary>Completes field <paramref name="fieldIndex"/> of <paramref name="chars"/> characters; false when it is not a valid label value.</summary>
    public bool EndField(int fieldIndex, int chars)
    {
        _scratch[_fieldStart - 1] = (char)chars;
        _length = _fieldStart + chars;
        if (chars > _options.MaxLabelLength)
        {
            return false;
        }

        return chars > 0 || _fields[fieldIndex].Role == KeyFieldRole.Label;
    }

    /// <summary>Explains why field <paramref name="fieldIndex"/> (just ended) was rejected.</summary>
    public string DescribeInvalid(int fieldIndex)
    {
        int chars = _length - _fieldStart;
        KeyField field = _fields[fieldIndex];
        string what = field.Role switch
        {
            KeyFieldRole.Metric => $"metric name in column '{field.Name}'",
            KeyFieldRole.Tenant => $"tenant in column '{field.Name}'",
            KeyFieldRole.Region => $"region in column '{field.Name}'",
            _ => $"label '{field.Name}'",
        };
        return chars == 0
            ? $"{what} is empty"
            : string.Create(CultureInfo.InvariantCulture, $"{what} is {chars} characters long, more than Ingest:MaxLabelLength ({_options.MaxLabelLength})");
    }

    /// <summary>Finds or creates the group of the key text written since <see cref="Reset"/>.</summary>
    public int GetOrAddGroup()
    {
        ReadOnlySpan<char> text = _scratch.AsSpan(0, _length);
        if (_lookup.TryGetValue(text, out int group))
        {
            return group;
        }

        var values = new string[_fields.Length];
        int pos = 0;
        for (int i = 0; i < values.Length; i++)
        {
            int len = text[pos];
            values[i] = new string(text.Slice(pos + 1, len));
            pos += 1 + len;
        }

        group = _groupValues.Count;
        _groupValues.Add(values);
        _groupSlots.Add(Enumerable.Repeat(-1, _slotMetrics.Length).ToArray());
        _groups.Add(new string(text), group);
        return group;
    }

    /// <summary>Index in the key table of the series of <paramref name="group"/> and value slot <paramref name="slot"/>, created on first use.</summary>
    public int KeyIndex(int group, int slot)
    {
        int[] slots = _groupSlots[group];
        int index = slots[slot];
        if (index >= 0)
        {
            return index;
        }

        index = AddKey(CreateKey(_groupValues[group], _slotMetrics[slot]));
        slots[slot] = index;
        return index;
    }

    /// <summary>A view of the keys so far, safe to hand to a consumer while the table keeps growing.</summary>
    public SeriesKeyTableView Snapshot() => new(_keys, _keyCount);

    private SeriesKey CreateKey(string[] values, string? slotMetric)
    {
        string tenant = _options.DefaultTenant;
        string region = _options.DefaultRegion;
        string metric = slotMetric ?? string.Empty;
        var labels = new List<KeyValuePair<string, string>>();
        for (int i = 0; i < _fields.Length; i++)
        {
            switch (_fields[i].Role)
            {
                case KeyFieldRole.Metric:
                    metric = values[i];
                    break;
                case KeyFieldRole.Tenant:
                    tenant = values[i];
                    break;
                case KeyFieldRole.Region:
                    region = values[i];
                    break;
                default:
                    if (values[i].Length > 0)
                    {
                        labels.Add(new KeyValuePair<string, string>(_fields[i].Name, values[i]));
                    }

                    break;
            }
        }

        return new SeriesKey(tenant, region, metric, labels);
    }

    private int AddKey(SeriesKey key)
    {
        if (_keyCount == _keys.Length)
        {
            // why: a new array (not Array.Resize in place semantics) so views handed out earlier keep their own, unchanged array.
            var grown = new SeriesKey[_keys.Length * 2];
            Array.Copy(_keys, grown, _keyCount);
            _keys = grown;
        }

        _keys[_keyCount] = key;
        return _keyCount++;
    }
}
