using System.IO.Compression;
using System.Text;
using AnomalyHunter.Lakehouse.Ingest;
using static AnomalyHunter.Lakehouse.Tests.Ingest.IngestTempFolder;

namespace AnomalyHunter.Lakehouse.Tests.Ingest;

public sealed class CsvFormatTests : IDisposable
{
    private readonly IngestTempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_long_csv_puts_tenant_and_region_into_the_key_and_other_columns_into_labels()
    {
        string path = _folder.Write("long.csv",
            "timestamp,metric,value,host,service,region,tenant\n" +
            "2024-10-17T00:00:00Z,cpu,1.5,h1,api,eu-west,acme\n" +
            "2024-10-17T00:01:00Z,cpu,2.5,h1,api,eu-west,acme\n" +
            "2024-10-17T00:00:00Z,mem,3,h2,db,us-east,globex\n");

        IngestResult result = await ReadAsync(path);

        Assert.Empty(result.Rejected);
        Assert.Equal(3, result.Points.Count);
        Assert.Equal(2, result.Chunks.Single().Keys.Count);
        IngestedPoint first = result.Points[0];
        Assert.Equal("acme", first.Key.Tenant);
        Assert.Equal("eu-west", first.Key.Region);
        Assert.Equal("cpu", first.Key.Metric);
        Assert.Equal("h1", first.Key.Label("host"));
        Assert.Equal("api", first.Key.Label("service"));
        Assert.Equal(Ms("2024-10-17T00:00:00Z"), first.TimestampMs);
        Assert.Equal(1.5, first.Value);
        Assert.Equal(2, first.Line);
        Assert.Same(first.Key, result.Points[1].Key);
        Assert.Equal("globex", result.Points[2].Key.Tenant);
        Assert.Equal([2L, 3L, 4L], result.Points.Select(p => p.Line));
    }

    [Fact]
    public async Task A_long_csv_without_tenant_or_region_columns_uses_the_defaults()
    {
        string path = _folder.Write("long.csv", "time,name,val\n2024-10-17 00:00:00,cpu,1\n");
        var options = new IngestOptions { DefaultTenant = "t0", DefaultRegion = "r0" };

        IngestResult result = await ReadAsync(path, options);

        IngestedPoint point = Assert.Single(result.Points);
        Assert.Equal("cpu{region=\"r0\",tenant=\"t0\"}", point.Key.Canonical);
    }

    [Fact]
    public async Task A_wide_csv_makes_one_series_per_numeric_column_and_treats_text_columns_as_labels()
    {
        string path = _folder.Write("wide.csv",
            "Timestamp,host,cpu,mem,disk\n" +
            "2024-10-17T00:00:00Z,h1,1,2,3\n" +
            "2024-10-17T00:01:00Z,h1,4,,6\n" +
            "2024-10-17T00:02:00Z,h2,7,8,\n");

        IngestResult result = await ReadAsync(path);

        Assert.Empty(result.Rejected);
        Assert.Equal(7, result.Points.Count);
        Assert.Equal(["cpu", "mem", "disk", "cpu", "disk", "cpu", "mem"], result.Points.Select(p => p.Key.Metric));
        Assert.All(result.Points.Take(5), p => Assert.Equal("h1", p.Key.Label("host")));
        Assert.Equal([1.0, 2, 3, 4, 6, 7, 8], result.Points.Select(p => p.Value));
        Assert.Equal([2L, 2, 2, 3, 3, 4, 4], result.Points.Select(p => p.Line));
    }

    [Fact]
    public async Task A_wide_csv_honours_configured_label_columns_even_when_they_hold_numbers()
    {
        string path = _folder.Write("wide.csv", "ts,rack,cpu\n2024-10-17T00:00:00Z,12,0.5\n");
        var options = new IngestOptions();
        options.LabelColumns.Add("rack");

        IngestResult result = await ReadAsync(path, options);

        IngestedPoint point = Assert.Single(result.Points);
        Assert.Equal("cpu", point.Key.Metric);
        Assert.Equal("12", point.Key.Label("rack"));
    }

    [Fact]
    public async Task A_simple_csv_names_the_metric_after_the_file_and_keeps_extra_columns_as_labels()
    {
        string path = _folder.Write("sub/requests_per_second.csv", "timestamp,value,source\n2024-10-17T00:00:00,10,lb1\n2024-10-17T01:00:00,11,lb1\n");

        IngestResult result = await ReadAsync(path);

        Assert.Equal(2, result.Points.Count);
        Assert.All(result.Points, p => Assert.Equal("requests_per_second", p.Key.Metric));
        Assert.Equal("lb1", result.Points[0].Key.Label("source"));
    }

    [Theory]
    [InlineData("2024-10-17T12:34:56Z", "2024-10-17T12:34:56Z")]
    [InlineData("2024-10-17T12:34:56.789Z", "2024-10-17T12:34:56.789Z")]
    [InlineData("2024-10-17T12:34:56.7891234Z", "2024-10-17T12:34:56.789Z")]
    [InlineData("2024-10-17 12:34:56", "2024-10-17T12:34:56Z")]
    [InlineData("2024-10-17T12:34", "2024-10-17T12:34:00Z")]
    [InlineData("2024-10-17T12:34:56+02:00", "2024-10-17T10:34:56Z")]
    [InlineData("2024-10-17T12:34:56-0530", "2024-10-17T18:04:56Z")]
    [InlineData("2024-10-17 12:34:56.5 +01:00", "2024-10-17T11:34:56.5Z")]
    [InlineData("2024-10-17", "2024-10-17T00:00:00Z")]
    [InlineData("1729168496", "2024-10-17T12:34:56Z")]
    [InlineData("1729168496.25", "2024-10-17T12:34:56.25Z")]
    [InlineData("1729168496250", "2024-10-17T12:34:56.25Z")]
    [InlineData("1.729168496e9", "2024-10-17T12:34:56Z")]
    public async Task Each_accepted_timestamp_form_becomes_utc_epoch_milliseconds(string text, string expected)
    {
        string path = _folder.Write("ts.csv", $"timestamp,value\n\"{text}\",1\n");

        IngestResult result = await ReadAsync(path);

        Assert.Empty(result.Rejected);
        Assert.Equal(Ms(expected), Assert.Single(result.Points).TimestampMs);
    }

    [Theory]
    [InlineData(TimestampFormat.EpochSeconds, "1000", 1_000_000L)]
    [InlineData(TimestampFormat.EpochMilliseconds, "1729168496", 1_729_168_496L)]
    [InlineData(TimestampFormat.Iso, "2024-10-17T00:00:00Z", 1_729_123_200_000L)]
    public async Task A_configured_timestamp_format_overrides_the_magnitude_rule(TimestampFormat format, string text, long expected)
    {
        string path = _folder.Write("ts.csv", $"timestamp,value\n{text},1\n");

        IngestResult result = await ReadAsync(path, new IngestOptions { TimestampFormat = format });

        Assert.Equal(expected, Assert.Single(result.Points).TimestampMs);
    }

    [Fact]
    public async Task The_iso_format_rejects_epoch_numbers()
    {
        string path = _folder.Write("ts.csv", "timestamp,value\n1729168496,1\n");

        IngestResult result = await ReadAsync(path, new IngestOptions { TimestampFormat = TimestampFormat.Iso });

        Assert.Equal(QuarantineReason.UnparseableTimestamp, Assert.Single(result.Rejected).Reason);
    }

    [Fact]
    public async Task Naive_times_are_read_in_the_configured_time_zone_but_offsets_win()
    {
        string path = _folder.Write("tz.csv", "timestamp,value\n2024-07-01 12:00:00,1\n2024-01-01 12:00:00,2\n2024-07-01T12:00:00Z,3\n1719835200,4\n");

        IngestResult result = await ReadAsync(path, new IngestOptions { NaiveTimeZone = "Europe/Berlin" });

        Assert.Equal(
            [Ms("2024-07-01T10:00:00Z"), Ms("2024-01-01T11:00:00Z"), Ms("2024-07-01T12:00:00Z"), Ms("2024-07-01T12:00:00Z")],
            result.Points.Select(p => p.TimestampMs));
    }

    [Fact]
    public async Task A_naive_time_skipped_by_daylight_saving_is_rejected()
    {
        string path = _folder.Write("tz.csv", "timestamp,value\n2024-03-31 02:30:00,1\n");

        IngestResult result = await ReadAsync(path, new IngestOptions { NaiveTimeZone = "Europe/Berlin" });

        QuarantinedRow row = Assert.Single(result.Rejected);
        Assert.Equal(QuarantineReason.UnparseableTimestamp, row.Reason);
        Assert.Contains("Europe/Berlin", row.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(";", "semi.csv")]
    [InlineData("\t", "tabs.tsv")]
    [InlineData("\t", "tabs.txt")]
    [InlineData(",", "commas.txt")]
    public async Task The_delimiter_is_detected_from_the_header(string delimiter, string name)
    {
        string text = string.Join(delimiter, "timestamp", "metric", "value", "host") + "\n"
            + string.Join(delimiter, "2024-10-17T00:00:00Z", "cpu", "1.25", "h,1") + "\n";
        string path = _folder.Write(name, delimiter == "," ? text.Replace("h,1", "\"h,1\"", StringComparison.Ordinal) : text);

        IngestResult result = await ReadAsync(path);

        IngestedPoint point = Assert.Single(result.Points);
        Assert.Equal(1.25, point.Value);
        Assert.Equal("h,1", point.Key.Label("host"));
    }

    [Fact]
    public async Task Rfc4180_quoting_allows_delimiters_doubled_quotes_and_line_breaks_inside_fields()
    {
        string path = _folder.Write("quoted.csv",
            "\"timestamp\",\"metric\",\"value\",\"note\"\r\n" +
            "2024-10-17T00:00:00Z,cpu,\"1.5\",\"a, \"\"quoted\"\" note\"\r\n" +
            "2024-10-17T00:01:00Z,cpu,2,\"two\r\nlines\"\r\n" +
            "2024-10-17T00:02:00Z,cpu,3,plain\r\n");

        IngestResult result = await ReadAsync(path);

        Assert.Empty(result.Rejected);
        Assert.Equal(["a, \"quoted\" note", "two\r\nlines", "plain"], result.Points.Select(p => p.Key.Label("note")));
        Assert.Equal([2L, 3L, 5L], result.Points.Select(p => p.Line));
    }

    [Theory]
    [InlineData("utf8-bom")]
    [InlineData("utf16-le")]
    [InlineData("utf16-be")]
    public async Task Byte_order_marks_select_the_encoding(string encoding)
    {
        string text = "timestamp,metric,value,city\n2024-10-17T00:00:00Z,temp,21.5,Zürich\n2024-10-17T00:01:00Z,temp,22,Köln\n";
        Encoding enc = encoding switch
        {
            "utf8-bom" => new UTF8Encoding(true),
            "utf16-le" => new UnicodeEncoding(false, true),
            _ => new UnicodeEncoding(true, true),
        };
        string path = _folder.WriteBytes($"{encoding}.csv", [.. enc.GetPreamble(), .. enc.GetBytes(text)]);

        IngestResult result = await ReadAsync(path);

        Assert.Empty(result.Rejected);
        Assert.Equal(["Zürich", "Köln"], result.Points.Select(p => p.Key.Label("city")));
        Assert.Equal("temp", result.Points[0].Key.Metric);
    }

    [Fact]
    public async Task A_gzip_compressed_csv_is_read_like_the_plain_file()
    {
        byte[] text = Encoding.UTF8.GetBytes("timestamp,metric,value\n2024-10-17T00:00:00Z,cpu,1\n2024-10-17T00:01:00Z,cpu,2\n");
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            await gzip.WriteAsync(text);
        }

        string path = _folder.WriteBytes("cpu.csv.gz", compressed.ToArray());

        IngestResult result = await ReadAsync(path);

        Assert.Empty(result.Rejected);
        Assert.Equal([1.0, 2.0], result.Points.Select(p => p.Value));
    }

    [Fact]
    public async Task A_simple_gzip_file_names_its_metric_without_both_extensions()
    {
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(Encoding.UTF8.GetBytes("timestamp,value\n2024-10-17T00:00:00Z,1\n"));
        }

        string path = _folder.WriteBytes("latency.csv.gz", compressed.ToArray());

        Assert.Equal("latency", Assert.Single((await ReadAsync(path)).Points).Key.Metric);
    }

    [Fact]
    public async Task Large_files_are_split_into_chunks_that_share_a_growing_key_table()
    {
        var text = new StringBuilder("timestamp,metric,value,host\n");
        for (int i = 0; i < 2500; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{1_700_000_000 + i},cpu,{i},h{i % 7}\n");
        }

        string path = _folder.Write("big.csv", text.ToString());

        IngestResult result = await ReadAsync(path, new IngestOptions { ChunkRows = 1024 });

        Assert.Equal([1024, 1024, 452], result.Chunks.Select(c => c.Count));
        Assert.Equal(Enumerable.Range(2, 2500).Select(i => (long)i), result.Points.Select(p => p.Line));
        Assert.Equal(Enumerable.Range(0, 2500).Select(i => (double)i), result.Points.Select(p => p.Value));
        Assert.Equal(7, result.Chunks[^1].Keys.Count);
        Assert.True(result.Chunks[0].Keys.Count <= result.Chunks[^1].Keys.Count);
    }

    [Fact]
    public async Task Blank_lines_and_a_missing_final_newline_are_accepted()
    {
        string path = _folder.Write("blank.csv", "timestamp,value\r\n\r\n2024-10-17T00:00:00Z,1\r\n\n2024-10-17T00:01:00Z,2");

        IngestResult result = await ReadAsync(path);

        Assert.Empty(result.Rejected);
        Assert.Equal([3L, 5L], result.Points.Select(p => p.Line));
    }
}
