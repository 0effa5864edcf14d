namespace AnomalyHunter.Lakehouse.Ingest;

/// <summary>What a column contributes to a series key.</summary>
internal enum KeyFieldRole
{
    /// <summary>The metric name (long layout).</summary>
    Metric,

    /// <summary>The tenant partition key.</summary>
    Tenant,

    /// <summary>The region partition key.</summary>
    Region,

    /// <summary>An ordinary label named after the column.</summary>
    Label,
}
