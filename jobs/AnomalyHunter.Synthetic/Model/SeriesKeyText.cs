using System.Text;

namespace AnomalyHunter.Synthetic.Model;

/// <summary>
/// The canonical text of a series key, Prometheus style, with ALL labels (tenant and region included)
/// sorted by name (ordinal): <c>metric{host="h1",region="eu-west",service="api",tenant="acme"}</c>.
/// </summary>
/// <remarks>
/// In label values, <c>\</c>, <c>"</c> and a newline are written as <c>\\</c>, <c>\"</c> and <c>\n</c>.
/// This is the same rule as the lakehouse's series key; this project keeps its own copy so that it has no dependencies.
/// </remarks>
public static class SeriesKeyText
{
    /// <summary>Formats the key of a series with the generator's four labels.</summary>
    public static string Format(string metric, string tenant, string region, string service, string host) =>
        Format(metric, [new("host", host), new("region", region), new("service", service), new("tenant", tenant)]);

    /// <summary>Formats the key of a series from its metric name and any labels (sorted here by name, ordinal).</summary>
    public static string Format(string metric, IEnumerable<KeyValuePair<string, string>> labels)
    {
        var sorted = labels.ToList();
        sorted.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        var sb = new StringBuilder(metric.Length + 64);
        sb.Append(metric).Append('{');
        for (int i = 0; i < sorted.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            sb.Append(sorted[i].Key).Append("=\"");
            AppendEscaped(sb, sorted[i].Value);
            sb.Append('"');
        }

        return sb.Append('}').ToString();
    }

    private static void AppendEscaped(StringBuilder sb, string value)
    {
        foreach (char c in value)
        {
            _ = c switch
            {
                '\\' => sb.Append("\\\\"),
                '"' => sb.Append("\\\""),
                '\n' => sb.Append("\\n"),
                _ => sb.Append(c),
            };
        }
    }
}
