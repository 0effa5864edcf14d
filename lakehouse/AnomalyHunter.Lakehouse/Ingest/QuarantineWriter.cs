using System.Globalization;
using System.Text;

namespace AnomalyHunter.Lakehouse.Ingest;

/// <summary>Appends quarantined rows to a CSV file (<c>source_file,line,reason,detail,raw</c>, RFC 4180 quoting) that appears under its final name only when complete.</summary>
/// <remarks>
/// Rows are written to a hidden temporary file in the same folder, which <see cref="CompleteAsync"/> renames into place; disposing
/// without completing deletes it, so a crash never leaves a partial file under the final name.
/// </remarks>
public sealed class QuarantineWriter : IAsyncDisposable
{
    private readonly Dictionary<QuarantineReason, long> _counts = [];
    private readonly string _tempPath;
    private readonly StreamWriter _writer;
    private bool _completed;
    private bool _disposed;

    private QuarantineWriter(string path, string tempPath, StreamWriter writer)
    {
        Path = path;
        _tempPath = tempPath;
        _writer = writer;
    }

    /// <summary>The final path of the quarantine file.</summary>
    public string Path { get; }

    /// <summary>Rows written so far, per reason.</summary>
    public IReadOnlyDictionary<QuarantineReason, long> Counts => _counts;

    /// <summary>Total rows written so far.</summary>
    public long Total { get; private set; }

    /// <summary>Starts a quarantine file that will be published at <paramref name="path"/> (replacing an existing file) on completion.</summary>
    public static async Task<QuarantineWriter> CreateAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = System.IO.Path.GetFullPath(path);
        string folder = System.IO.Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        string temp = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
        var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024) { NewLine = "\n" };
        try
        {
            await writer.WriteAsync("source_file,line,reason,detail,raw\n".AsMemory(), cancellationToken);
        }
        catch
        {
            await writer.DisposeAsync();
            File.Delete(temp);
            throw;
        }

        return new QuarantineWriter(full, temp, writer);
    }

    /// <summary>Appends one row.</summary>
    public async ValueTask WriteAsync(QuarantinedRow row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        ObjectDisposedException.ThrowIf(_disposed || _completed, this);
        var line = new StringBuilder(row.Raw.Length + row.Detail.Length + 64);
        AppendField(line, row.SourcePath).Append(',');
        line.Append(row.Line.ToString(CultureInfo.InvariantCulture)).Append(',');
        line.Append(row.Reason.Code()).Append(',');
        AppendField(line, row.Detail).Append(',');
        AppendField(line, row.Raw).Append('\n');
        await _writer.WriteAsync(line, cancellationToken);
        _counts[row.Reason] = _counts.GetValueOrDefault(row.Reason) + 1;
        Total++;
    }

    /// <summary>Appends rows in order.</summary>
    public async ValueTask WriteAsync(IEnumerable<QuarantinedRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (QuarantinedRow row in rows)
        {
            await WriteAsync(row, cancellationToken);
        }
    }

    /// <summary>Flushes the file to disk and renames it to <see cref="Path"/>.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed || _completed, this);
        await _writer.FlushAsync(cancellationToken);
        ((FileStream)_writer.BaseStream).Flush(flushToDisk: true);
        await _writer.DisposeAsync();
        File.Move(_tempPath, Path, overwrite: true);
        _completed = true;
    }

    /// <summary>Closes the file; when <see cref="CompleteAsync"/> was not called, the temporary file is deleted and nothing is published.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_completed)
        {
            await _writer.DisposeAsync();
            File.Delete(_tempPath);
        }
    }

    private static StringBuilder AppendField(StringBuilder line, string value)
    {
        bool quote = value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (value.Length > 0 && (value[0] == ' ' || value[^1] == ' '));
        if (!quote)
        {
            return line.Append(value);
        }

        return line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
