using System.Globalization;
using System.IO.Compression;
using System.Text;
using AnomalyHunter.Lakehouse.Ingest;

namespace AnomalyHunter.Lakehouse.Tests.Ingest;

public sealed class ReaderRobustnessTests : IDisposable
{
    private readonly IngestTempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_gzip_file_cut_short_keeps_the_rows_read_and_reports_the_rest_without_throwing()
    {
        var text = new StringBuilder("timestamp,metric,value\n");
        for (int i = 0; i < 20_000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{1_700_000_000 + i},cpu,{i}.5\n");
        }

        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(text.ToString()));
        }

        byte[] bytes = compressed.ToArray();
        string path = _folder.WriteBytes("cut.csv.gz", bytes[..(bytes.Length * 2 / 3)]);

        IngestResult result = await IngestTempFolder.ReadAsync(path);

        Assert.NotEmpty(result.Points);
        Assert.True(result.Points.Count < 20_000);
        Assert.Contains(result.Rejected, r => r.Reason == QuarantineReason.TruncatedRow && r.Line == 0);
        Assert.All(result.Points, p => Assert.Equal(p.Line - 2 + 0.5, p.Value));
        Assert.Equal(Enumerable.Range(2, result.Points.Count).Select(i => (long)i), result.Points.Select(p => p.Line));
    }

    [Fact]
    public async Task A_stray_opening_quote_costs_only_its_own_line()
    {
        var text = new StringBuilder("timestamp,metric,value,note\n");
        text.Append("2024-10-17T00:00:00Z,cpu,1,\"never closed\n");
        for (int i = 0; i < 3000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{1_700_000_000 + i},cpu,{i},ok\n");
        }

        string path = _folder.Write("stray.csv", text.ToString());

        IngestResult result = await IngestTempFolder.ReadAsync(path);

        QuarantinedRow row = Assert.Single(result.Rejected);
        Assert.Equal((QuarantineReason.TruncatedRow, 2L), (row.Reason, row.Line));
        Assert.Equal("2024-10-17T00:00:00Z,cpu,1,\"never closed", row.Raw);
        Assert.Equal(Enumerable.Range(3, 3000).Select(i => (long)i), result.Points.Select(p => p.Line));
    }

    [Fact]
    public async Task A_file_cut_inside_a_multi_line_quoted_field_rejects_the_cut_row_and_its_tail()
    {
        string path = _folder.Write("cut.csv", "timestamp,metric,value,note\n2024-10-17T00:00:00Z,cpu,1,ok\n2024-10-17T00:01:00Z,cpu,2,\"first line\nsecond");

        IngestResult result = await IngestTempFolder.ReadAsync(path);

        Assert.Equal([2L], result.Points.Select(p => p.Line));
        Assert.Equal([(3L, QuarantineReason.TruncatedRow), (4L, QuarantineReason.TruncatedRow)], result.Rejected.Select(r => (r.Line, r.Reason)));
    }

    [Fact]
    public async Task Cancellation_stops_reading_with_an_operation_canceled_exception()
    {
        var text = new StringBuilder("timestamp,value\n");
        for (int i = 0; i < 5000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{1_700_000_000 + i},{i}\n");
        }

        string path = _folder.Write("cancel.csv", text.ToString());
        using var cts = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (SourceChunk chunk in SourceFileReader.ReadAsync(path, new IngestOptions { ChunkRows = 1024 }, TimeProvider.System, cts.Token))
            {
                await cts.CancelAsync();
            }
        });
    }

    [Fact]
    public async Task A_missing_file_is_a_file_system_error_not_a_quarantined_row()
    {
        await Assert.ThrowsAsync<FileNotFoundException>(() => IngestTempFolder.ReadAsync(Path.Combine(_folder.Root, "gone.csv")));
    }

    [Fact]
    public async Task A_row_longer_than_the_read_buffer_is_read_whole()
    {
        string note = new('x', 3 << 20);
        string path = _folder.Write("long-row.csv", $"timestamp,metric,value,note\n2024-10-17T00:00:00Z,cpu,1,\"{note}\"\n2024-10-17T00:01:00Z,cpu,2,short\n");

        IngestResult result = await IngestTempFolder.ReadAsync(path, new IngestOptions { MaxLabelLength = 65_535 });

        Assert.Equal([2L, 3L], result.Points.Select(p => p.Line).Concat(result.Rejected.Select(r => r.Line)).Order());
        QuarantinedRow row = Assert.Single(result.Rejected);
        Assert.Equal(QuarantineReason.InvalidLabel, row.Reason);
        Assert.True(row.Raw.Length <= 4096);
    }

    [Fact]
    public async Task Keys_of_earlier_chunks_stay_valid_while_later_chunks_add_series()
    {
        var text = new StringBuilder("timestamp,metric,value\n");
        for (int i = 0; i < 4096; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{1_700_000_000 + i},m{i},{i}\n");
        }

        string path = _folder.Write("growing.csv", text.ToString());

        IngestResult result = await IngestTempFolder.ReadAsync(path, new IngestOptions { ChunkRows = 1024 });

        Assert.Equal([1024, 2048, 3072, 4096], result.Chunks.Select(c => c.Keys.Count));
        Assert.Equal("m5", result.Chunks[0].Keys[5].Metric);
        Assert.Equal(Enumerable.Range(0, 4096).Select(i => "m" + i.ToString(CultureInfo.InvariantCulture)), result.Points.Select(p => p.Key.Metric));
    }
}
