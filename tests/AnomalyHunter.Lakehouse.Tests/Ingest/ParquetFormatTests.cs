using AnomalyHunter.Lakehouse.Ingest;
using Parquet.Schema;
using static AnomalyHunter.Lakehouse.Tests.Ingest.IngestTempFolder;

namespace AnomalyHunter.Lakehouse.Tests.Ingest;

public sealed class ParquetFormatTests : IDisposable
{
    private static readonly DateTime T0 = new(2024, 10, 17, 0, 0, 0, DateTimeKind.Utc);
    private readonly IngestTempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_long_parquet_file_reads_metric_value_tenant_and_labels()
    {
        string path = Path.Combine(_folder.Root, "long.parquet");
        await ParquetTestFile.WriteAsync(path,
            [new DateTimeDataField("timestamp", DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Millis), new DataField<string>("metric"), new DataField<double>("value"), new DataField<string>("host"), new DataField<string>("tenant")],
            [new[] { T0, T0.AddMinutes(1), T0 }, new[] { "cpu", "cpu", "mem" }, new[] { 1.5, 2.5, 3.5 }, new[] { "h1", "h1", "h2" }, new[] { "acme", "acme", "globex" }]);

        IngestResult result = await ReadAsync(path);

        Assert.Empty(result.Rejected);
        Assert.Equal([1.5, 2.5, 3.5], result.Points.Select(p => p.Value));
        Assert.Equal([1L, 2L, 3L], result.Points.Select(p => p.Line));
        Assert.Equal("cpu{host=\"h1\",region=\"local\",tenant=\"acme\"}", result.Points[0].Key.Canonical);
        Assert.Equal("globex", result.Points[2].Key.Tenant);
        Assert.Equal(Ms("2024-10-17T00:01:00Z"), result.Points[1].TimestampMs);
    }

    [Fact]
    public async Task A_wide_parquet_file_makes_a_series_per_numeric_column_and_skips_null_cells()
    {
        string path = Path.Combine(_folder.Root, "wide.parquet");
        long epoch = new DateTimeOffset(T0).ToUnixTimeSeconds();
        await ParquetTestFile.WriteAsync(path,
            [new DataField<long>("ts"), new DataField<string>("host"), new DataField<float?>("cpu"), new DataField<int>("conns"), new DataField<decimal>("cost")],
            [new[] { epoch, epoch + 60 }, new[] { "h1", "h2" }, new float?[] { 0.5f, null }, new[] { 10, 20 }, new[] { 1.25m, 2m }]);

        IngestResult result = await ReadAsync(path);

        Assert.Empty(result.Rejected);
        Assert.Equal(
            [("cpu", "h1", 0.5), ("conns", "h1", 10), ("cost", "h1", 1.25), ("conns", "h2", 20), ("cost", "h2", 2)],
            result.Points.Select(p => (p.Key.Metric, p.Key.Label("host")!, p.Value)));
        Assert.Equal(Ms("2024-10-17T00:01:00Z"), result.Points[^1].TimestampMs);
    }

    [Fact]
    public async Task A_simple_parquet_file_names_the_metric_after_the_file()
    {
        string path = Path.Combine(_folder.Root, "queue_depth.parquet");
        await ParquetTestFile.WriteAsync(path, [new DataField<string>("time"), new DataField<short>("value")], [new[] { "2024-10-17T00:00:00Z" }, new short[] { 7 }]);

        IngestedPoint point = Assert.Single((await ReadAsync(path)).Points);

        Assert.Equal(("queue_depth", 7.0), (point.Key.Metric, point.Value));
    }

    public static TheoryData<string> TimestampKinds() => ["millis", "micros", "nanos", "date", "epoch-seconds", "epoch-millis", "string", "naive-micros", "double-seconds"];

    [Theory]
    [MemberData(nameof(TimestampKinds))]
    public async Task Each_parquet_timestamp_type_becomes_utc_epoch_milliseconds(string kind)
    {
        DateTime instant = new(2024, 10, 17, 12, 34, 56, 789, DateTimeKind.Utc);
        (DataField field, Array values, long expected) = kind switch
        {
            "millis" => ((DataField)new DateTimeDataField("timestamp", DateTimeFormat.Timestamp, true, DateTimeTimeUnit.Millis), (Array)new[] { instant }, Ms("2024-10-17T12:34:56.789Z")),
            "micros" => (new DateTimeDataField("timestamp", DateTimeFormat.Timestamp, true, DateTimeTimeUnit.Micros), new[] { instant }, Ms("2024-10-17T12:34:56.789Z")),
            "nanos" => (new DateTimeDataField("timestamp", DateTimeFormat.Timestamp, true, DateTimeTimeUnit.Nanos), new[] { instant }, Ms("2024-10-17T12:34:56.789Z")),
            "date" => (new DateTimeDataField("timestamp", DateTimeFormat.Date), new[] { instant.Date }, Ms("2024-10-17T00:00:00Z")),
            "epoch-seconds" => (new DataField<long>("timestamp"), new[] { 1_729_168_496L }, Ms("2024-10-17T12:34:56Z")),
            "epoch-millis" => (new DataField<long>("timestamp"), new[] { 1_729_168_496_789L }, Ms("2024-10-17T12:34:56.789Z")),
            "string" => (new DataField<string>("timestamp"), new[] { "2024-10-17 14:34:56.789+02:00" }, Ms("2024-10-17T12:34:56.789Z")),
            "naive-micros" => (new DateTimeDataField("timestamp", DateTimeFormat.Timestamp, false, DateTimeTimeUnit.Micros), new[] { new DateTime(2024, 10, 17, 14, 34, 56, 789, DateTimeKind.Unspecified) }, Ms("2024-10-17T12:34:56.789Z")),
            _ => (new DataField<double>("timestamp"), new[] { 1_729_168_496.5 }, Ms("2024-10-17T12:34:56.5Z")),
        };
        string path = Path.Combine(_folder.Root, $"ts-{kind}.parquet");
        await ParquetTestFile.WriteAsync(path, [field, new DataField<double>("value")], [values, new[] { 1.0 }]);
        var options = new IngestOptions { NaiveTimeZone = kind == "naive-micros" ? "Europe/Berlin" : "UTC" };

        IngestResult result = await ReadAsync(path, options);

        Assert.Empty(result.Rejected);
        Assert.Equal(expected, Assert.Single(result.Points).TimestampMs);
    }

    [Fact]
    public async Task Numeric_columns_of_every_width_are_read_as_doubles()
    {
        string path = Path.Combine(_folder.Root, "widths.parquet");
        await ParquetTestFile.WriteAsync(path,
            [new DataField<string>("ts"), new DataField<byte>("u8"), new DataField<short>("i16"), new DataField<int>("i32"), new DataField<long>("i64"), new DataField<float>("f32"), new DataField<double>("f64"), new DataField<decimal>("dec")],
            [new[] { "2024-10-17T00:00:00Z" }, new byte[] { 200 }, new short[] { -300 }, new[] { 70_000 }, new[] { 5_000_000_000L }, new[] { 0.25f }, new[] { 1e-3 }, new[] { 12.5m }]);

        IngestResult result = await ReadAsync(path);

        Assert.Equal(["u8", "i16", "i32", "i64", "f32", "f64", "dec"], result.Points.Select(p => p.Key.Metric));
        Assert.Equal([200.0, -300, 70_000, 5_000_000_000, 0.25, 1e-3, 12.5], result.Points.Select(p => p.Value));
    }

    [Fact]
    public async Task Bad_parquet_rows_are_quarantined_with_their_row_numbers_and_accounted_for()
    {
        string path = Path.Combine(_folder.Root, "bad.parquet");
        DateTime?[] ts = [T0, T0, new DateTime(1960, 1, 1, 0, 0, 0, DateTimeKind.Utc), T0, null, T0];
        await ParquetTestFile.WriteAsync(path,
            [new DateTimeDataField("timestamp", DateTimeFormat.Timestamp, true, DateTimeTimeUnit.Millis, isNullable: true), new DataField<string>("metric"), new DataField<double?>("value")],
            [ts, new[] { "cpu", "cpu", "cpu", "", "cpu", "cpu" }, new double?[] { 1, null, 3, 4, 5, double.NaN }]);

        IngestResult result = await ReadAsync(path);

        Assert.Equal([1L], result.Points.Select(p => p.Line));
        Assert.Equal(
            [(2L, QuarantineReason.MissingColumn), (3L, QuarantineReason.TimestampOutOfRange), (4L, QuarantineReason.InvalidLabel), (5L, QuarantineReason.MissingColumn), (6L, QuarantineReason.NonFiniteValue)],
            result.Rejected.Select(r => (r.Line, r.Reason)));
        Assert.Contains("metric=cpu", result.Rejected[0].Raw, StringComparison.Ordinal);
        Assert.Equal(6, result.Points.Count + result.Rejected.Count);
    }

    [Fact]
    public async Task Row_numbers_continue_across_row_groups_and_chunks()
    {
        string path = Path.Combine(_folder.Root, "groups.parquet");
        Array[] Group(int start, int count) =>
            [Enumerable.Range(start, count).Select(i => 1_700_000_000_000L + i).ToArray(), Enumerable.Range(start, count).Select(i => (double)i).ToArray()];
        await ParquetTestFile.WriteAsync(path, [new DataField<long>("ts"), new DataField<double>("value")], Group(0, 1500), Group(1500, 1500));

        IngestResult result = await ReadAsync(path, new IngestOptions { ChunkRows = 1024 });

        Assert.Equal(Enumerable.Range(1, 3000).Select(i => (long)i), result.Points.Select(p => p.Line));
        Assert.All(result.Chunks, c => Assert.InRange(c.Count, 1, 1024));
    }

    [Fact]
    public async Task A_parquet_file_without_rows_is_an_empty_file()
    {
        string path = Path.Combine(_folder.Root, "none.parquet");
        await ParquetTestFile.WriteAsync(path, [new DataField<long>("ts"), new DataField<double>("value")]);

        QuarantinedRow row = Assert.Single((await ReadAsync(path)).Rejected);

        Assert.Equal((QuarantineReason.EmptyFile, 0L), (row.Reason, row.Line));
    }

    [Fact]
    public async Task A_parquet_file_without_a_timestamp_column_has_an_unrecognised_layout()
    {
        string path = Path.Combine(_folder.Root, "nots.parquet");
        await ParquetTestFile.WriteAsync(path, [new DataField<string>("host"), new DataField<double>("value")], [new[] { "h1" }, new[] { 1.0 }]);

        QuarantinedRow row = Assert.Single((await ReadAsync(path)).Rejected);

        Assert.Equal(QuarantineReason.UnrecognisedLayout, row.Reason);
        Assert.Contains("no timestamp column", row.Detail, StringComparison.Ordinal);
    }
}
