namespace AnomalyHunter.Lakehouse.Ingest;

/// <summary>How input files are interpreted. Bound from the <c>Ingest</c> configuration section.</summary>
public sealed class IngestOptions
{
    /// <summary>Layout of the input; <see cref="InputLayout.Auto"/> decides per file from its header.</summary>
    public InputLayout Layout { get; set; } = InputLayout.Auto;

    /// <summary>How timestamp fields are written; <see cref="TimestampFormat.Auto"/> accepts ISO-8601 and epoch seconds/milliseconds.</summary>
    public TimestampFormat TimestampFormat { get; set; } = TimestampFormat.Auto;

    /// <summary>IANA time-zone id for timestamps without an offset (default UTC).</summary>
    public string NaiveTimeZone { get; set; } = "UTC";

    /// <summary>Header names accepted as the timestamp column (case-insensitive), in order of preference.</summary>
    public IList<string> TimestampColumns { get; } = ["timestamp", "time", "ts", "datetime", "date", "_time"];

    /// <summary>Header names accepted as the metric-name column in long layout (case-insensitive).</summary>
    public IList<string> MetricColumns { get; } = ["metric", "series", "metric_name", "name", "__name__"];

    /// <summary>Header names accepted as the value column in long and simple layouts (case-insensitive).</summary>
    public IList<string> ValueColumns { get; } = ["value", "val", "_value"];

    /// <summary>Columns of a wide file that are labels rather than metrics (besides non-numeric columns found automatically).</summary>
    public IList<string> LabelColumns { get; } = [];

    /// <summary>Label column that names the tenant.</summary>
    public string TenantColumn { get; set; } = "tenant";

    /// <summary>Label column that names the data region.</summary>
    public string RegionColumn { get; set; } = "region";

    /// <summary>Tenant of rows without a tenant column.</summary>
    public string DefaultTenant { get; set; } = "default";

    /// <summary>Region of rows without a region column.</summary>
    public string DefaultRegion { get; set; } = "local";

    /// <summary>How far past the current time a timestamp may lie before the row is rejected (default 1 day).</summary>
    public TimeSpan MaxFutureSkew { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Which value is kept when a (series, timestamp) pair arrives twice.</summary>
    public DuplicatePolicy Duplicates { get; set; } = DuplicatePolicy.KeepFirst;

    /// <summary>Rows per <see cref="SourceChunk"/> (1024 to 4194304).</summary>
    public int ChunkRows { get; set; } = 65_536;

    /// <summary>Longest accepted metric name or label value, in characters.</summary>
    public int MaxLabelLength { get; set; } = 512;
}
