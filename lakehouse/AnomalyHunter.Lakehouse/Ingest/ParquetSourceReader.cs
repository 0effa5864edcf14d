using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Parquet;
using Parquet.Schema;

namespace AnomalyHunter.Lakehouse.Ingest;

/// <summary>Reads one Parquet file in long, wide or simple shape into chunks, quarantining every bad row.</summary>
/// <remarks>
/// Timestamp columns may be TIMESTAMP (any unit) or DATE, integer or floating epoch numbers (seconds or milliseconds by the
/// magnitude rule, or as <see cref="IngestOptions.TimestampFormat"/> says), or strings. Value columns may be numeric of
/// any width or strings. A null cell in a wide row means "no point"; line numbers are 1-based row numbers.
/// </remarks>
internal sealed class ParquetSourceReader
{
    private readonly string _path;
    private readonly IngestOptions _options;
    private readonly TimestampConverter _time;

    public ParquetSourceReader(string path, IngestOptions options, TimestampConverter time)
    {
        _path = path;
        _options = options;
        _time = time;
    }

    /// <summary>Reads the file and yields its chunks.</summary>
    public async IAsyncEnumerable<SourceChunk> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var file = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous | FileOptions.RandomAccess);
        if (file.Length == 0)
        {
            yield return FileRejection(QuarantineReason.EmptyFile, "the file is empty (0 bytes)");
            yield break;
        }

        (ParquetReader? reader, string? openError) = await OpenAsync(file, cancellationToken);
        if (reader is null)
        {
            yield return FileRejection(QuarantineReason.UnreadableFile, $"not a readable Parquet file: {openError}");
            yield break;
        }

        await using (reader)
        {
            DataField[] fields = reader.Schema.GetDataFields();
            string? layoutError = CheckSchema(reader.Schema, fields);
            LayoutPlan? plan = null;
            if (layoutError is null)
            {
                plan = LayoutResolver.Resolve([.. fields.Select(f => f.Name.Trim())], i => ParquetColumn.IsNumeric(fields[i].ClrType), _options, SourceFiles.MetricNameOf(_path), out layoutError);
            }

            if (plan is null)
            {
                yield return FileRejection(QuarantineReason.UnrecognisedLayout, layoutError!);
                yield break;
            }

            var keys = new SeriesKeyTable(plan.KeyFields, plan.SlotMetrics, _options);
            var chunk = new ChunkBuilder(_path, _options.ChunkRows, keys);
            var rowReader = new ParquetRowProcessor(plan, keys, chunk, _time);
            long rowOffset = 0;
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                (ParquetColumn[]? columns, int rows, string? groupError) = await ReadGroupAsync(reader, g, fields, cancellationToken);
                if (columns is null)
                {
                    chunk.Reject(0, QuarantineReason.UnreadableFile, string.Create(CultureInfo.InvariantCulture, $"row group {g} (from row {rowOffset + 1}) could not be read: {groupError}; the rest of the file was not read"), string.Empty);
                    break;
                }

                int row = 0;
                while (row < rows)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    row = rowReader.Process(columns, rows, row, rowOffset);
                    if (chunk.IsFull || chunk.Remaining < plan.ValueColumns.Length)
                    {
                        yield return chunk.Build();
                    }
                }

                rowOffset += rows;
            }

            if (rowOffset == 0 && !chunk.HasContent)
            {
                chunk.Reject(0, QuarantineReason.EmptyFile, "the Parquet file has no rows", string.Empty);
            }

            if (chunk.HasContent)
            {
                yield return chunk.Build();
            }
        }
    }

    private static async Task<(ParquetReader? Reader, string? Error)> OpenAsync(FileStream file, CancellationToken cancellationToken)
    {
        try
        {
            return (await ParquetReader.CreateAsync(file, null, leaveStreamOpen: true, cancellationToken), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // why: Parquet.Net reports corrupt files with assorted exception types (IOException, InvalidDataException, Thrift errors).
            return (null, ex.Message);
        }
    }

    private static async Task<(ParquetColumn[]? Columns, int Rows, string? Error)> ReadGroupAsync(ParquetReader reader, int index, DataField[] fields, CancellationToken cancellationToken)
    {
        try
        {
            using ParquetRowGroupReader group = reader.OpenRowGroupReader(index);
            int rows = checked((int)group.RowCount);
            var columns = new ParquetColumn[fields.Length];
            for (int i = 0; i < fields.Length; i++)
            {
                columns[i] = await ParquetColumn.ReadAsync(group, fields[i], rows, cancellationToken);
            }

            return (columns, rows, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (null, 0, ex.Message);
        }
    }

    private static string? CheckSchema(ParquetSchema schema, DataField[] fields)
    {
        foreach (Field field in schema.Fields)
        {
            if (field is not DataField data || data.IsArray)
            {
                return $"column '{field.Name}' is nested or repeated; only flat columns can be read";
            }
        }

        var unsupported = new StringBuilder();
        foreach (DataField field in fields)
        {
            if (!ParquetColumn.IsSupported(field.ClrType))
            {
                unsupported.Append(unsupported.Length > 0 ? ", " : string.Empty).Append(CultureInfo.InvariantCulture, $"'{field.Name}' ({field.ClrType.Name})");
            }
        }

        return unsupported.Length > 0 ? $"columns of unsupported type: {unsupported}" : null;
    }

    private SourceChunk FileRejection(QuarantineReason reason, string detail)
    {
        var chunk = new ChunkBuilder(_path, _options.ChunkRows, null);
        chunk.Reject(0, reason, detail, string.Empty);
        return chunk.Build();
    }
}
