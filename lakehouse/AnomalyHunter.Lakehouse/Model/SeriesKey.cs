using System.Text;

namespace AnomalyHunter.Lakehouse.Model;

/// <summary>The identity of a series: tenant, region, metric name and its other labels (sorted by name).</summary>
public sealed record SeriesKey
{
    /// <summary>Creates a key; labels are copied and sorted by name (ordinal).</summary>
    public SeriesKey(string tenant, string region, string metric, IEnumerable<KeyValuePair<string, string>>? labels = null)
    {
        Tenant = tenant;
        Region = region;
        Metric = metric;
        Labels = labels is null
            ? []
            : [.. labels.OrderBy(l => l.Key, StringComparer.Ordinal)];
        Canonical = BuildCanonical(Tenant, Region, Metric, Labels);
    }

    /// <summary>The tenant that owns the series (a partition key).</summary>
    public string Tenant { get; }

    /// <summary>The data region the series is stored in (a partition key).</summary>
    public string Region { get; }

    /// <summary>The metric name.</summary>
    public string Metric { get; }

    /// <summary>Other labels, sorted by name.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Labels { get; }

    /// <summary>Canonical text form, Prometheus style: <c>metric{label="v",region="r",tenant="t"}</c> with all labels sorted.</summary>
    public string Canonical { get; }

    /// <summary>Value of a label, including <c>tenant</c> and <c>region</c>; null when absent.</summary>
    public string? Label(string name) => name switch
    {
        "tenant" => Tenant,
        "region" => Region,
        _ => Labels.FirstOrDefault(l => l.Key == name).Value,
    };

    /// <inheritdoc />
    public bool Equals(SeriesKey? other) => other is not null && Canonical == other.Canonical;

    /// <inheritdoc />
    public override int GetHashCode() => Canonical.GetHashCode(StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() => Canonical;

    private static string BuildCanonical(string tenant, string region, string metric, IReadOnlyList<KeyValuePair<string, string>> labels)
    {
        var all = new List<KeyValuePair<string, string>>(labels.Count + 2)
        {
            new("region", region),
            new("tenant", tenant),
        };
        all.AddRange(labels);
        all.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        var sb = new StringBuilder(metric.Length + 32);
        sb.Append(metric).Append('{');
        for (int i = 0; i < all.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            sb.Append(all[i].Key).Append("=\"");
            foreach (char c in all[i].Value)
            {
                _ = c switch
                {
                    '\\' => sb.Append("\\\\"),
                    '"' => sb.Append("\\\""),
                    '\n' => sb.Append("\\n"),
                    _ => sb.Append(c),
                };
            }

            sb.Append('"');
        }

        return sb.Append('}').ToString();
    }
}
