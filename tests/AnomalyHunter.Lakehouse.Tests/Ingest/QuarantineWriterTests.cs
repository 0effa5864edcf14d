using AnomalyHunter.Lakehouse.Ingest;

namespace AnomalyHunter.Lakehouse.Tests.Ingest;

public sealed class QuarantineWriterTests : IDisposable
{
    private readonly IngestTempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Rows_appear_under_the_final_name_only_after_completion_with_rfc4180_quoting_and_counts()
    {
        string path = Path.Combine(_folder.Root, "q", "quarantine.csv");
        QuarantinedRow[] rows =
        [
            new("/in/a,b.csv", 3, QuarantineReason.UnparseableValue, "value 'x' in column \"value\" is not a number", "2024-01-01,cpu,x"),
            new("/in/c.csv", 7, QuarantineReason.TruncatedRow, "the file ends inside a quoted field", "2024,\"multi\nline"),
            new("/in/c.csv", 9, QuarantineReason.UnparseableValue, "plain", " padded "),
        ];

        await using (QuarantineWriter writer = await QuarantineWriter.CreateAsync(path, CancellationToken.None))
        {
            await writer.WriteAsync(rows, CancellationToken.None);
            Assert.False(File.Exists(path));
            Assert.Equal(2, writer.Counts[QuarantineReason.UnparseableValue]);
            Assert.Equal(1, writer.Counts[QuarantineReason.TruncatedRow]);
            Assert.Equal(3, writer.Total);
            await writer.CompleteAsync(CancellationToken.None);
        }

        string text = await File.ReadAllTextAsync(path);
        List<string[]> parsed = IngestTempFolder.ParseCsv(text);
        Assert.Equal(4, parsed.Count);
        Assert.Equal(["/in/a,b.csv", "3", "unparseable-value", "value 'x' in column \"value\" is not a number", "2024-01-01,cpu,x"], parsed[1]);
        Assert.Equal(["/in/c.csv", "7", "truncated-row", "the file ends inside a quoted field", "2024,\"multi\nline"], parsed[2]);
        Assert.Equal(" padded ", parsed[3][4]);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public async Task Disposing_without_completion_leaves_no_file_behind()
    {
        string path = Path.Combine(_folder.Root, "crash.csv");

        await using (QuarantineWriter writer = await QuarantineWriter.CreateAsync(path, CancellationToken.None))
        {
            await writer.WriteAsync(new QuarantinedRow("/in/a.csv", 2, QuarantineReason.ExtraColumn, "d", "r"), CancellationToken.None);
        }

        Assert.Empty(Directory.GetFiles(_folder.Root));
    }

    [Fact]
    public async Task Completion_replaces_an_older_quarantine_file_at_once()
    {
        string path = _folder.Write("old.csv", "old content");

        await using (QuarantineWriter writer = await QuarantineWriter.CreateAsync(path, CancellationToken.None))
        {
            Assert.Equal("old content", await File.ReadAllTextAsync(path));
            await writer.CompleteAsync(CancellationToken.None);
        }

        Assert.Equal("source_file,line,reason,detail,raw\n", await File.ReadAllTextAsync(path));
    }
}
