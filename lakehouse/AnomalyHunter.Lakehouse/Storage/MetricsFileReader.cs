using System.Buffers;
using Parquet;
using Parquet.Schema;

namespace AnomalyHunter.Lakehouse.Storage;

/// <summary>Reads metrics Parquet files column by column, skipping row groups whose series range is not wanted.</summary>
public static class MetricsFileReader
{
    /// <summary>Reads the rows of <paramref name="path"/> that pass <paramref name="filter"/> (null reads everything).</summary>
    public static Task<MetricsBlock> ReadAsync(string path, MetricsFilter? filter, CancellationToken cancellationToken)
        => ReadAsync(path, filter, null, cancellationToken);

    /// <summary>Like the overload without buffers; the block's arrays come from <paramref name="buffers"/> when given (hand the block back there when done).</summary>
    public static async Task<MetricsBlock> ReadAsync(string path, MetricsFilter? filter, MetricsBuffers? buffers, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.Asynchronous);
        await using var reader = await ParquetReader.CreateAsync(stream, cancellationToken: cancellationToken);
        var fields = reader.Schema.GetDataFields();
        DataField seriesField = fields.Single(f => f.Name == MetricsFileSchema.SeriesId.Name);
        DataField tsField = fields.Single(f => f.Name == MetricsFileSchema.Timestamp.Name);
        DataField valueField = fields.Single(f => f.Name == MetricsFileSchema.Value.Name);

        var parts = new List<MetricsBlock>(reader.RowGroupCount);
        long total = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            int rows = checked((int)group.RowCount);
            if (rows == 0 || (filter is not null && !filter.MayMatchSeriesRange(group.GetStatistics(seriesField))))
            {
                continue;
            }

            long[] ids = buffers?.RentLongs(rows) ?? new long[rows];
            double[] values = buffers?.RentDoubles(rows) ?? new double[rows];
            long[] ms = buffers?.RentLongs(rows) ?? new long[rows];
            await group.ReadAsync<long>(seriesField, ids.AsMemory(0, rows), cancellationToken: cancellationToken);
            await group.ReadAsync<double>(valueField, values.AsMemory(0, rows), cancellationToken: cancellationToken);

            // why: the DateTime column is only a step on the way to epoch milliseconds; a rented buffer keeps it off the large-object heap.
            DateTime[] times = ArrayPool<DateTime>.Shared.Rent(rows);
            try
            {
                await group.ReadAsync<DateTime>(tsField, times.AsMemory(0, rows), cancellationToken: cancellationToken);
                for (int i = 0; i < rows; i++)
                {
                    ms[i] = MetricsFileSchema.ToEpochMs(times[i]);
                }
            }
            finally
            {
                ArrayPool<DateTime>.Shared.Return(times);
            }

            var block = filter is null ? new MetricsBlock(ids, ms, values, rows) : filter.Apply(ids, ms, values, rows);
            if (block.Count > 0)
            {
                parts.Add(block);
                total += block.Count;
            }
            else
            {
                buffers?.Return(block);
            }
        }

        if (parts.Count > 1 && buffers is not null)
        {
            int count = checked((int)total);
            var whole = MetricsBlock.Concat(parts, new MetricsBlock(buffers.RentLongs(count), buffers.RentLongs(count), buffers.RentDoubles(count), 0), count);
            parts.ForEach(buffers.Return);
            return whole;
        }

        return parts.Count switch
        {
            0 => MetricsBlock.Empty,
            1 => parts[0],
            _ => MetricsBlock.Concat(parts, checked((int)total)),
        };
    }
}
