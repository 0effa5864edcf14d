namespace AnomalyHunter.Lakehouse.Ingest;

/// <summary>Shape of an input file.</summary>
public enum InputLayout
{
    /// <summary>Decide from the header: a metric column means long; a value column without one means simple; otherwise wide.</summary>
    Auto,

    /// <summary>One row per point: timestamp, metric name, value, and optional label columns.</summary>
    Long,

    /// <summary>Timestamp plus one column per metric (and optional label columns).</summary>
    Wide,

    /// <summary>Timestamp and value (and optional label columns); the metric is named after the file.</summary>
    Simple,
}
