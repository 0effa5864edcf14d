using AnomalyHunter.Lakehouse.Ingest;

namespace AnomalyHunter.Lakehouse.Tests.Ingest;

public sealed class SourceFilesTests : IDisposable
{
    private readonly IngestTempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Folders_expand_recursively_to_input_files_sorted_ordinally()
    {
        foreach (string name in (string[])["b.csv", "A.tsv", "sub/c.parquet", "sub/deeper/d.csv.gz", "e.txt", "notes.md", "f.json", "sub/.hidden.csv", "g.CSV"])
        {
            _folder.Write(name, "x");
        }

        IReadOnlyList<string> files = SourceFiles.Expand([_folder.Root]);

        string[] expected = ["A.tsv", "b.csv", "e.txt", "g.CSV", "sub/c.parquet", "sub/deeper/d.csv.gz"];
        Assert.Equal(expected.Select(n => Path.Combine(_folder.Root, n)).Order(StringComparer.Ordinal), files);
    }

    [Fact]
    public void Explicit_files_are_kept_once_whatever_their_extension()
    {
        string data = _folder.Write("data.dat", "x");
        string csv = _folder.Write("x.csv", "x");

        IReadOnlyList<string> files = SourceFiles.Expand([csv, data, _folder.Root, csv]);

        Assert.Equal([data, csv], files);
    }

    [Fact]
    public void A_path_that_does_not_exist_throws_a_clear_file_not_found_exception()
    {
        string missing = Path.Combine(_folder.Root, "nope.csv");

        var ex = Assert.Throws<FileNotFoundException>(() => SourceFiles.Expand([missing]));

        Assert.Contains("nope.csv", ex.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", ex.Message, StringComparison.Ordinal);
    }
}
