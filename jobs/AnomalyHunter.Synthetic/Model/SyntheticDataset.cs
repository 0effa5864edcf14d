using AnomalyHunter.Synthetic.Options;

namespace AnomalyHunter.Synthetic.Model;

/// <summary>A whole generated dataset in memory: every series' points and the anomaly labels.</summary>
public sealed record SyntheticDataset
{
    private readonly Dictionary<string, SeriesData> _byKey;

    /// <summary>Creates the dataset and indexes its series by key.</summary>
    public SyntheticDataset(SyntheticOptions options, IReadOnlyList<SeriesData> series, IReadOnlyList<AnomalyLabel> labels)
    {
        Options = options;
        Series = series;
        Labels = labels;
        _byKey = series.ToDictionary(s => s.Series.Key, StringComparer.Ordinal);
    }

    /// <summary>The settings that produced the data.</summary>
    public SyntheticOptions Options { get; }

    /// <summary>The series in generation order.</summary>
    public IReadOnlyList<SeriesData> Series { get; }

    /// <summary>One label per injected anomaly, ordered by start.</summary>
    public IReadOnlyList<AnomalyLabel> Labels { get; }

    /// <summary>Total number of points (gaps excluded).</summary>
    public long PointCount => Series.Sum(s => (long)s.Values.Length);

    /// <summary>Returns the series with canonical key <paramref name="key"/>, or null.</summary>
    public SeriesData? Find(string key) => _byKey.GetValueOrDefault(key);
}
