using Parquet.Schema;

namespace AnomalyHunter.Lakehouse.Storage;

/// <summary>The Parquet schema of metric data files: series_id, series_key, ts (UTC, milliseconds), value.</summary>
internal static class MetricsFileSchema
{
    public static readonly DataField<long> SeriesId = new("series_id");

    public static readonly DataField<string> SeriesKey = new("series_key");

    // why: millisecond timestamps; Parquet.Net writes wrong row-group statistics for microseconds and DuckDB then skips row groups.
    public static readonly DateTimeDataField Timestamp = new("ts", DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Millis);

    public static readonly DataField<double> Value = new("value");

    public static readonly ParquetSchema Schema = new(SeriesId, SeriesKey, Timestamp, Value);

    public const long UnixEpochTicks = 621_355_968_000_000_000L;

    public static long ToEpochMs(DateTime t) => (t.Ticks - UnixEpochTicks) / TimeSpan.TicksPerMillisecond;

    public static DateTime FromEpochMs(long ms) => new((ms * TimeSpan.TicksPerMillisecond) + UnixEpochTicks, DateTimeKind.Utc);
}
