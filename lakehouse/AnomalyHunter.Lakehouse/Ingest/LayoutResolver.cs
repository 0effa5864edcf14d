using System.Globalization;

namespace AnomalyHunter.Lakehouse.Ingest;

/// <summary>Decides the layout of a file and the role of each column from its header names.</summary>
internal static class LayoutResolver
{
    /// <summary>Builds the plan, or returns null with a reason for an <c>unrecognised-layout</c> rejection.</summary>
    /// <param name="names">Header names, trimmed.</param>
    /// <param name="isNumeric">Whether a column holds numbers (decides label columns of wide files).</param>
    /// <param name="options">The ingest options.</param>
    /// <param name="fileMetric">The metric name of a simple file (its file name without extensions).</param>
    /// <param name="error">Why no plan could be built.</param>
    public static LayoutPlan? Resolve(IReadOnlyList<string> names, Func<int, bool> isNumeric, IngestOptions options, string fileMetric, out string error)
    {
        error = string.Empty;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < names.Count; i++)
        {
            if (names[i].Length == 0)
            {
                error = string.Create(CultureInfo.InvariantCulture, $"column {i + 1} of the header has no name");
                return null;
            }

            if (!seen.Add(names[i]))
            {
                error = $"the header names column '{names[i]}' twice";
                return null;
            }
        }

        int ts = FindFirst(names, options.TimestampColumns, -1);
        if (ts < 0)
        {
            error = $"the header has no timestamp column (looked for {string.Join(", ", options.TimestampColumns)}; found {string.Join(", ", names)})";
            return null;
        }

        int metric = FindFirst(names, options.MetricColumns, ts);
        int value = FindFirst(names, options.ValueColumns, ts);
        int tenant = FindFirst(names, [options.TenantColumn], ts);
        int region = FindFirst(names, [options.RegionColumn], ts);
        InputLayout layout = options.Layout switch
        {
            InputLayout.Auto when metric >= 0 => InputLayout.Long,
            InputLayout.Auto when value >= 0 => InputLayout.Simple,
            InputLayout.Auto => InputLayout.Wide,
            _ => options.Layout,
        };

        if (layout == InputLayout.Long && (metric < 0 || value < 0))
        {
            error = metric < 0
                ? $"a long file needs a metric column (looked for {string.Join(", ", options.MetricColumns)})"
                : $"the header has metric column '{names[metric]}' but no value column (looked for {string.Join(", ", options.ValueColumns)})";
            return null;
        }

        if (layout == InputLayout.Simple && value < 0)
        {
            error = $"a simple file needs a value column (looked for {string.Join(", ", options.ValueColumns)})";
            return null;
        }

        if (layout != InputLayout.Long)
        {
            metric = -1;
        }

        if (layout == InputLayout.Wide)
        {
            value = -1;
        }

        var keyFields = new List<KeyField>();
        if (metric >= 0)
        {
            keyFields.Add(new KeyField(metric, KeyFieldRole.Metric, names[metric]));
        }

        if (tenant >= 0 && tenant != metric && tenant != value)
        {
            keyFields.Add(new KeyField(tenant, KeyFieldRole.Tenant, names[tenant]));
        }
        else
        {
            tenant = -1;
        }

        if (region >= 0 && region != metric && region != value && region != tenant)
        {
            keyFields.Add(new KeyField(region, KeyFieldRole.Region, names[region]));
        }
        else
        {
            region = -1;
        }

        var valueColumns = new List<int>();
        var slotMetrics = new List<string?>();
        for (int i = 0; i < names.Count; i++)
        {
            if (i == ts || i == metric || i == tenant || i == region)
            {
                continue;
            }

            if (i == value)
            {
                valueColumns.Add(i);
                slotMetrics.Add(layout == InputLayout.Simple ? fileMetric : null);
                continue;
            }

            bool isLabel = layout != InputLayout.Wide || Contains(options.LabelColumns, names[i]) || !isNumeric(i);
            if (isLabel)
            {
                if (string.Equals(names[i], "tenant", StringComparison.OrdinalIgnoreCase) || string.Equals(names[i], "region", StringComparison.OrdinalIgnoreCase))
                {
                    // why: SeriesKey reserves these label names for its partition keys.
                    error = $"column '{names[i]}' would become a label named like a partition key; set Ingest:TenantColumn or Ingest:RegionColumn to it, or rename it";
                    return null;
                }

                keyFields.Add(new KeyField(i, KeyFieldRole.Label, names[i]));
            }
            else
            {
                if (names[i].Length > options.MaxLabelLength)
                {
                    error = string.Create(CultureInfo.InvariantCulture, $"metric column name '{names[i][..Math.Min(32, names[i].Length)]}…' is longer than Ingest:MaxLabelLength ({options.MaxLabelLength})");
                    return null;
                }

                valueColumns.Add(i);
                slotMetrics.Add(names[i]);
            }
        }

        if (valueColumns.Count == 0)
        {
            error = $"the wide file has no numeric metric column: every column besides timestamp column '{names[ts]}' holds labels";
            return null;
        }

        if (valueColumns.Count > options.ChunkRows)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"the wide file has {valueColumns.Count} metric columns, more than Ingest:ChunkRows ({options.ChunkRows})");
            return null;
        }

        return new LayoutPlan
        {
            Layout = layout,
            ColumnNames = names,
            TimestampColumn = ts,
            KeyFields = [.. keyFields],
            ValueColumns = [.. valueColumns],
            SlotMetrics = [.. slotMetrics],
        };
    }

    private static int FindFirst(IReadOnlyList<string> names, IEnumerable<string> wanted, int exclude)
    {
        foreach (string candidate in wanted)
        {
            for (int i = 0; i < names.Count; i++)
            {
                if (i != exclude && string.Equals(names[i], candidate.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }
        }

        return -1;
    }

    private static bool Contains(IList<string> list, string name)
    {
        foreach (string item in list)
        {
            if (string.Equals(item.Trim(), name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
