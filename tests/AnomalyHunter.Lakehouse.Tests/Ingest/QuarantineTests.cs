using System.Globalization;
using System.Text;
using AnomalyHunter.Lakehouse.Ingest;

namespace AnomalyHunter.Lakehouse.Tests.Ingest;

public sealed class QuarantineTests : IDisposable
{
    private const string Header = "timestamp,metric,value,host\n";
    private const string Good = "2024-10-17T00:00:00Z,cpu,1,h1\n";
    private readonly IngestTempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>A crafted bad file: its name, bytes, options, and the rejection expected at a line.</summary>
    public sealed record BadFile(string Name, byte[] Bytes, QuarantineReason Reason, long Line, string DetailPart, IngestOptions? Options = null)
    {
        public override string ToString() => Name;
    }

    private static readonly BadFile[] BadFiles =
    [
        Text("unparseable-timestamp.csv", Header + Good + "yesterday,cpu,1,h1\n", QuarantineReason.UnparseableTimestamp, 3, "'yesterday'"),
        Text("unparseable-timestamp-bad-date.csv", Header + "2024-02-30T00:00:00Z,cpu,1,h1\n", QuarantineReason.UnparseableTimestamp, 2, "timestamp"),
        Text("unparseable-value.csv", Header + Good + Good + "2024-10-17T00:00:00Z,cpu,12abc,h1\n", QuarantineReason.UnparseableValue, 4, "'12abc'"),
        Text("non-finite-nan.csv", Header + "2024-10-17T00:00:00Z,cpu,nan,h1\n", QuarantineReason.NonFiniteValue, 2, "'nan'"),
        Text("non-finite-inf.csv", Header + Good + "2024-10-17T00:00:00Z,cpu,inf,h1\n", QuarantineReason.NonFiniteValue, 3, "'inf'"),
        Text("non-finite-minus-infinity.csv", Header + "2024-10-17T00:00:00Z,cpu,-Infinity,h1\n", QuarantineReason.NonFiniteValue, 2, "not finite"),
        Text("non-finite-overflow.csv", Header + "2024-10-17T00:00:00Z,cpu,1e999,h1\n", QuarantineReason.NonFiniteValue, 2, "'1e999'"),
        Text("before-1970.csv", Header + "1969-12-31T23:59:59Z,cpu,1,h1\n", QuarantineReason.TimestampOutOfRange, 2, "before 1970-01-01"),
        Text("negative-epoch.csv", Header + Good + "-5,cpu,1,h1\n", QuarantineReason.TimestampOutOfRange, 3, "before 1970-01-01"),
        Text("future.csv", Header + "2026-11-29T00:00:00Z,cpu,1,h1\n", QuarantineReason.TimestampOutOfRange, 2, "Ingest:MaxFutureSkew"),
        Text("missing-column.csv", Header + "2024-10-17T00:00:00Z,cpu,1\n" + Good, QuarantineReason.MissingColumn, 2, "'host'"),
        Text("empty-value.csv", Header + "2024-10-17T00:00:00Z,cpu,,h1\n", QuarantineReason.MissingColumn, 2, "'value' is empty"),
        Text("empty-timestamp.csv", Header + Good + ",cpu,1,h1\n", QuarantineReason.MissingColumn, 3, "timestamp column 'timestamp' is empty"),
        Text("extra-column.csv", Header + Good + "2024-10-17T00:00:00Z,cpu,1,h1,surprise\n", QuarantineReason.ExtraColumn, 3, "5 fields"),
        Text("truncated-quote.csv", Header + Good + "2024-10-17T00:00:00Z,cpu,1,\"h1", QuarantineReason.TruncatedRow, 3, "quoted field"),
        Text("truncated-fields.csv", Header + Good + Good + "2024-10-17T00:00:00Z,cp", QuarantineReason.TruncatedRow, 4, "ends inside this row"),
        new("invalid-utf8.csv", [.. Encoding.UTF8.GetBytes(Header + Good + "2024-10-17T00:00:00Z,cpu,1,h"), 0xC3, 0x28, (byte)'\n', .. Encoding.UTF8.GetBytes(Good)], QuarantineReason.InvalidEncoding, 3, "not valid UTF-8"),
        new("invalid-utf16.csv", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Header + "2024-10-17T00:00:00Z,cpu,1,h"), 0x00, 0xD8, .. Encoding.Unicode.GetBytes("\n" + Good)], QuarantineReason.InvalidEncoding, 2, "surrogate"),
        new("empty.csv", [], QuarantineReason.EmptyFile, 0, "empty"),
        Text("header-only.csv", Header, QuarantineReason.EmptyFile, 0, "no data rows"),
        Text("blank-lines-only.csv", "\n\n\r\n", QuarantineReason.EmptyFile, 0, "blank"),
        Text("no-timestamp-column.csv", "when,metric,value\n2024,cpu,1\n", QuarantineReason.UnrecognisedLayout, 0, "no timestamp column"),
        Text("metric-without-value.csv", "timestamp,metric,reading\n2024-10-17T00:00:00Z,cpu,1\n", QuarantineReason.UnrecognisedLayout, 0, "no value column"),
        Text("labels-only.csv", "timestamp,host,service\n2024-10-17T00:00:00Z,h1,api\n", QuarantineReason.UnrecognisedLayout, 0, "no numeric metric column"),
        new("binary.csv", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R'], QuarantineReason.UnreadableFile, 0, "binary"),
        new("corrupt.parquet", [.. "PAR1"u8, .. Enumerable.Range(0, 200).Select(i => (byte)(i * 7)), .. "PAR1"u8], QuarantineReason.UnreadableFile, 0, "Parquet"),
        new("corrupt-gzip.csv.gz", [0x1F, 0x8B, 0x08, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x03, 0xDE, 0xAD, 0xBE, 0xEF, 0x01, 0x02], QuarantineReason.UnreadableFile, 0, "gzip"),
        Text("empty-metric.csv", Header + Good + "2024-10-17T00:00:00Z,,1,h1\n", QuarantineReason.InvalidLabel, 3, "metric name in column 'metric' is empty"),
        Text("long-label.csv", Header + "2024-10-17T00:00:00Z,cpu,1,a-very-long-host-name\n", QuarantineReason.InvalidLabel, 2, "label 'host' is 21 characters long", new IngestOptions { MaxLabelLength = 16 }),
        Text("empty-tenant.csv", "timestamp,metric,value,tenant\n2024-10-17T00:00:00Z,cpu,1,\n", QuarantineReason.InvalidLabel, 2, "tenant in column 'tenant' is empty"),
    ];

    public static TheoryData<BadFile> Cases()
    {
        var data = new TheoryData<BadFile>();
        foreach (BadFile file in BadFiles)
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_bad_file_is_quarantined_with_its_reason_line_and_raw_row(BadFile file)
    {
        string path = _folder.WriteBytes(file.Name, file.Bytes);

        IngestResult result = await IngestTempFolder.ReadAsync(path, file.Options);

        QuarantinedRow row = Assert.Single(result.Rejected);
        Assert.Equal(file.Reason, row.Reason);
        Assert.Equal(file.Line, row.Line);
        Assert.Equal(path, row.SourcePath);
        Assert.Contains(file.DetailPart, row.Detail, StringComparison.Ordinal);
        if (row.Line > 1)
        {
            Assert.NotEmpty(row.Raw);
        }

        string quarantinePath = Path.Combine(_folder.Root, "out", file.Name + ".quarantine.csv");
        await using (QuarantineWriter writer = await QuarantineWriter.CreateAsync(quarantinePath, CancellationToken.None))
        {
            await writer.WriteAsync(result.Rejected, CancellationToken.None);
            Assert.Equal(1, writer.Counts[file.Reason]);
            await writer.CompleteAsync(CancellationToken.None);
        }

        List<string[]> written = IngestTempFolder.ParseCsv(await File.ReadAllTextAsync(quarantinePath));
        Assert.Equal(["source_file", "line", "reason", "detail", "raw"], written[0]);
        string[] record = Assert.Single(written.Skip(1));
        Assert.Equal([path, file.Line.ToString(CultureInfo.InvariantCulture), file.Reason.Code(), row.Detail, row.Raw], record);
    }

    [Fact]
    public void The_table_covers_every_reason_except_duplicate()
    {
        var covered = BadFiles.Select(f => f.Reason).ToHashSet();
        var expected = Enum.GetValues<QuarantineReason>().Where(r => r != QuarantineReason.Duplicate);
        Assert.All(expected, reason => Assert.Contains(reason, covered));
    }

    [Fact]
    public async Task Accepted_plus_rejected_rows_equal_the_input_rows()
    {
        var random = new Random(42);
        var text = new StringBuilder("timestamp,metric,value,host,region\n");
        string[] badRows =
        [
            "not-a-time,cpu,1,h1,eu", "2024-10-17T00:00:00Z,cpu,x,h1,eu", "2024-10-17T00:00:00Z,cpu,NaN,h1,eu",
            "1960-01-01,cpu,1,h1,eu", "2024-10-17T00:00:00Z,cpu,1,h1", "2024-10-17T00:00:00Z,cpu,1,h1,eu,extra",
            "2024-10-17T00:00:00Z,,1,h1,eu", "2024-10-17T00:00:00Z,cpu,1,h1,",
        ];
        int inputRows = 5000;
        int expectedBad = 0;
        for (int i = 0; i < inputRows; i++)
        {
            if (random.Next(10) == 0)
            {
                text.Append(badRows[random.Next(badRows.Length)]).Append('\n');
                expectedBad++;
            }
            else
            {
                text.Append(CultureInfo.InvariantCulture, $"{1_700_000_000 + i},m{random.Next(3)},{random.NextDouble()},h{random.Next(5)},eu\n");
            }
        }

        string path = _folder.Write("mixed.csv", text.ToString());

        IngestResult result = await IngestTempFolder.ReadAsync(path, new IngestOptions { ChunkRows = 1024 });

        Assert.Equal(inputRows, result.Points.Count + result.Rejected.Count);
        Assert.Equal(expectedBad, result.Rejected.Count);
        var lines = result.Points.Select(p => p.Line).Concat(result.Rejected.Select(r => r.Line)).Order().ToList();
        Assert.Equal(Enumerable.Range(2, inputRows).Select(i => (long)i), lines);
    }

    [Fact]
    public async Task A_wide_row_with_a_bad_cell_is_rejected_whole_while_empty_cells_are_no_points()
    {
        string path = _folder.Write("wide.csv", "timestamp,cpu,mem\n2024-10-17T00:00:00Z,1,\n2024-10-17T00:01:00Z,2,oops\n2024-10-17T00:02:00Z,,\n2024-10-17T00:03:00Z,3,4\n2024-10-17T00:04:00Z,5,6\n");

        IngestResult result = await IngestTempFolder.ReadAsync(path);

        Assert.Equal([(2L, "cpu"), (5L, "cpu"), (5L, "mem"), (6L, "cpu"), (6L, "mem")], result.Points.Select(p => (p.Line, p.Key.Metric)));
        QuarantinedRow row = Assert.Single(result.Rejected);
        Assert.Equal((QuarantineReason.UnparseableValue, 3L), (row.Reason, row.Line));
        Assert.Contains("'mem'", row.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejections_keep_file_order_and_every_row_of_a_file_with_many_problems()
    {
        string path = _folder.Write("many.csv", Header + "x,cpu,1,h1\n" + Good + "2024-10-17T00:00:00Z,cpu,y,h1\n" + Good + "2024-10-17T00:00:00Z,cpu,1,h1,z\n");

        IngestResult result = await IngestTempFolder.ReadAsync(path);

        Assert.Equal([3L, 5L], result.Points.Select(p => p.Line));
        Assert.Equal(
            [(2L, QuarantineReason.UnparseableTimestamp), (4L, QuarantineReason.UnparseableValue), (6L, QuarantineReason.ExtraColumn)],
            result.Rejected.Select(r => (r.Line, r.Reason)));
    }

    private static BadFile Text(string name, string text, QuarantineReason reason, long line, string detailPart, IngestOptions? options = null) =>
        new(name, Encoding.UTF8.GetBytes(text), reason, line, detailPart, options);
}
