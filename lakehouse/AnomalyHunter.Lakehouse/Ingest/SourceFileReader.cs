using System.Runtime.CompilerServices;

namespace AnomalyHunter.Lakehouse.Ingest;

/// <summary>Reads one input file (CSV/TSV/TXT, gzip-compressed CSV or Parquet) into <see cref="SourceChunk"/>s of accepted points and rejected rows.</summary>
/// <remarks>
/// <para>Bad input never throws: every data row is either accepted or quarantined with a reason, and a file that cannot be read
/// at all yields one rejection with line 0. Only invalid options (<see cref="IngestOptionsException"/>), file-system errors and
/// cancellation throw. Duplicates are kept (a later stage resolves them); rows stay in file order.</para>
/// <para>Conventions: blank lines are not rows; spaces and tabs around fields are trimmed; an empty label value means "no such
/// label", while an empty metric, tenant or region is an <c>invalid-label</c>. In a wide file an empty (or null) cell means
/// "no point for that metric", but one bad cell rejects the whole row. Naive times use
/// <see cref="IngestOptions.NaiveTimeZone"/>: a time skipped by a daylight-saving change is rejected, a repeated one takes the
/// standard offset. Fractions below a millisecond are truncated. A gzip file cut short is reported as <c>truncated-row</c>
/// with line 0 (a multi-member gzip file is reported the same way, since only the last member's length is checked).</para>
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
