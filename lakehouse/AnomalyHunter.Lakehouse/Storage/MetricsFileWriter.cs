using Parquet;

namespace AnomalyHunter.Lakehouse.Storage;

/// <summary>Writes a sorted <see cref="MetricsBlock"/> as a metrics Parquet file (Zstd, row groups of bounded size).</summary>
public static class MetricsFileWriter
{
    /// <summary>Default rows per row group.</summary>
    public const int DefaultRowGroupRows = 1_000_000;

    /// <summary>Writes <paramref name="block"/> to <paramref name="stream"/>; <paramref name="seriesKeyOf"/> gives the canonical key column.</summary>
    public static async Task WriteAsync(
        Stream stream,
        MetricsBlock block,
        Func<long, string> seriesKeyOf,
        int rowGroupRows,
        CancellationToken cancellationToken)
    {
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Zstd, CompressionLevel = System.IO.Compression.CompressionLevel.Fastest };
        await using var writer = await ParquetWriter.CreateAsync(MetricsFileSchema.Schema, stream, options, cancellationToken: cancellationToken);
        writer.CustomMetadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["anomalyhunter.layout"] = "sorted-by:series_id,ts",
        };
        int n = block.Count;
        for (int offset = 0; offset < n || (n == 0 && offset == 0); offset += rowGroupRows)
        {
            int len = Math.Min(rowGroupRows, n - offset);
            var keys = new string[len];
            var times = new DateTime[len];
            long previous = long.MinValue;
            string previousKey = string.Empty;
            for (int i = 0; i < len; i++)
            {
                long id = block.SeriesIds[offset + i];
                if (id != previous)
                {
                    previousKey = seriesKeyOf(id);
                    previous = id;
                }

                keys[i] = previousKey;
                times[i] = MetricsFileSchema.FromEpochMs(block.TimestampsMs[offset + i]);
            }

            using var group = writer.CreateRowGroup();
            await group.WriteAsync<long>(MetricsFileSchema.SeriesId, block.SeriesIds.AsMemory(offset, len), cancellationToken: cancellationToken);
            await group.WriteAsync(MetricsFileSchema.SeriesKey, keys, null);
            await group.WriteAsync<DateTime>(MetricsFileSchema.Timestamp, times, cancellationToken: cancellationToken);
            await group.WriteAsync<double>(MetricsFileSchema.Value, block.Values.AsMemory(offset, len), cancellationToken: cancellationToken);
            if (n == 0)
            {
                break;
            }
        }
    }
}
