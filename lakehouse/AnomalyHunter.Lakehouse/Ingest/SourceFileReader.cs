using System.Runtime.CompilerServices;

namespace AnomalyHunter.Lakehouse.Ingest;

/// <summary>Reads one input file (CSV/TSV/TXT, gzip-compressed CSV or Parquet) into <see cref="SourceChunk"/>s of accepted points and rejected rows.</summary>
/// <remarks>
/// Bad input never throws: every data row is either accepted or quarantined with a reason, and a file that cannot be read at
/// all yields one rejection with line 0. Only invalid options (<see cref="IngestOptionsException"/>), file-system errors and
/// cancellation throw. Duplicates are kept (a later stage resolves them); rows stay in file order.
/// </remarks>
public static class SourceFileReader
{
    /// <summary>Reads <paramref name="path"/> and yields chunks of at most <see cref="IngestOptions.ChunkRows"/> accepted points plus the rows rejected meanwhile.</summary>
    public static async IAsyncEnumerable<SourceChunk> ReadAsync(string path, IngestOptions options, TimeProvider time, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(time);
        TimeZoneInfo zone = IngestOptionsValidator.ValidateAndResolveZone(options);
        var converter = new TimestampConverter(options, zone, time.GetUtcNow());
        IAsyncEnumerable<SourceChunk> chunks = path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase)
            ? new ParquetSourceReader(path, options, converter).ReadAsync(cancellationToken)
            : new CsvSourceReader(path, options, converter).ReadAsync(cancellationToken);
        await foreach (SourceChunk chunk in chunks.WithCancellation(cancellationToken))
        {
            yield return chunk;
        }
    }
}
