namespace AnomalyHunter.Lakehouse.Ingest;

/// <summary>The role of each column of one input file, decided from its header.</summary>
internal sealed class LayoutPlan
{
    /// <summary>The resolved layout (never Auto).</summary>
    public required InputLayout Layout { get; init; }

    /// <summary>Column names as written in the header, trimmed.</summary>
    public required IReadOnlyList<string> ColumnNames { get; init; }

    /// <summary>Number of columns every row must have.</summary>
    public int ColumnCount => ColumnNames.Count;

    /// <summary>Index of the timestamp column.</summary>
    public required int TimestampColumn { get; init; }

    /// <summary>Columns that make up the series identity: metric (long layout), tenant, region, then labels in column order.</summary>
    public required KeyField[] KeyFields { get; init; }

    /// <summary>Value columns, one per slot: the value column (long, simple) or each metric column (wide).</summary>
    public required int[] ValueColumns { get; init; }

    /// <summary>Metric name per slot; null in long layout, where the metric comes from the row.</summary>
    public required string?[] SlotMetrics { get; init; }

    /// <summary>True when a row holds one point (long and simple layouts).</summary>
    public bool SingleValue => Layout != InputLayout.Wide;
}
