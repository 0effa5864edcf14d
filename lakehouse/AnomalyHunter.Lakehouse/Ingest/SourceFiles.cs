namespace AnomalyHunter.Lakehouse.Ingest;

/// <summary>Turns the paths named on a command line into the sorted list of input files to read.</summary>
public static class SourceFiles
{
    private static readonly string[] Extensions = [".csv.gz", ".csv", ".tsv", ".txt", ".parquet"];

    /// <summary>Expands files and folders (recursively) into *.csv, *.tsv, *.txt, *.parquet and *.csv.gz files, without duplicates, sorted ordinally.</summary>
    /// <remarks>A file named explicitly is kept whatever its extension; inside folders, hidden files (name starting with '.') are skipped.</remarks>
    /// <exception cref="FileNotFoundException">A path is neither an existing file nor an existing folder.</exception>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (string path in paths)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                throw new FileNotFoundException("An input path is empty.", path);
            }

            string full = Path.GetFullPath(path);
            if (File.Exists(full))
            {
                found.Add(full);
            }
            else if (Directory.Exists(full))
            {
                foreach (string file in Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories))
                {
                    if (IsSupported(file))
                    {
                        found.Add(file);
                    }
                }
            }
            else
            {
                throw new FileNotFoundException($"Input path '{path}' does not exist: it is neither a file nor a folder.", path);
            }
        }

        var sorted = found.ToList();
        sorted.Sort(StringComparer.Ordinal);
        return sorted;
    }

    /// <summary>True when a file inside a folder is an input file by its name.</summary>
    internal static bool IsSupported(string path)
    {
        string name = Path.GetFileName(path);
        if (name.StartsWith('.'))
        {
            return false;
        }

        foreach (string extension in Extensions)
        {
            if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase) && name.Length > extension.Length)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The file name without its input extensions, e.g. <c>cpu</c> for <c>/in/cpu.csv.gz</c>; names the metric of a simple file.</summary>
    internal static string MetricNameOf(string path)
    {
        string name = Path.GetFileName(path);
        bool stripped = true;
        while (stripped)
        {
            stripped = false;
            foreach (string extension in (ReadOnlySpan<string>)[".gz", ".csv", ".tsv", ".txt", ".parquet"])
            {
                if (name.Length > extension.Length && name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
                {
                    name = name[..^extension.Length];
                    stripped = true;
                }
            }
        }

        return name;
    }
}
