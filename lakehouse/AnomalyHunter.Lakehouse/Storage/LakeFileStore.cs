using System.Security.Cryptography;
using AnomalyHunter.Lakehouse.Catalog;

namespace AnomalyHunter.Lakehouse.Storage;

/// <summary>
/// Writes data files so that no reader ever sees a partial one: the intent is recorded in the catalog, the bytes go to a
/// temporary name and are flushed to disk, then the file is renamed into place; it becomes visible only when a snapshot
/// that lists it commits.
/// </summary>
public sealed class LakeFileStore
{
    private readonly ICatalog _catalog;

    /// <summary>Creates the store for a lake layout and its catalog.</summary>
    public LakeFileStore(LakeLayout layout, ICatalog catalog)
    {
        Layout = layout;
        _catalog = catalog;
    }

    /// <summary>The lake layout.</summary>
    public LakeLayout Layout { get; }

    /// <summary>Writes a sorted block of one partition and returns its catalog entry (not yet committed).</summary>
    public async Task<NewDataFile> WriteAsync(
        string runId,
        string tenant,
        string region,
        DateOnly date,
        MetricsBlock block,
        Func<long, string> seriesKeyOf,
        CancellationToken cancellationToken) =>
        (await WriteAllAsync(runId, [new PartitionData(tenant, region, date, block)], seriesKeyOf, 1, cancellationToken))[0];

    /// <summary>
    /// Writes one file per partition, <paramref name="parallelism"/> at a time, and returns their catalog entries in input
    /// order (not yet committed). The intents are recorded in one transaction first; on failure nothing is left behind.
    /// </summary>
    public async Task<IReadOnlyList<NewDataFile>> WriteAllAsync(
        string runId,
        IReadOnlyList<PartitionData> partitions,
        Func<long, string> seriesKeyOf,
        int parallelism,
        CancellationToken cancellationToken)
    {
        if (partitions.Any(p => p.Block.Count == 0))
        {
            throw new ArgumentException("A data file needs at least one row.", nameof(partitions));
        }

        string[] relative = [.. partitions.Select(p => LakeLayout.NewDataFilePath(LakeLayout.PartitionPath(p.Tenant, p.Region, p.Date), runId))];
        if (relative.Length == 0)
        {
            return [];
        }

        await _catalog.AddPendingFilesAsync(relative, runId, cancellationToken);
        var written = new NewDataFile[partitions.Count];
        try
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(0, partitions.Count),
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken },
                async (i, ct) => written[i] = await WriteOneAsync(relative[i], partitions[i], seriesKeyOf, ct));
        }
        catch
        {
            // why: a cancelled or failed write leaves nothing behind; a killed process is cleaned up by LakeRecovery instead.
            foreach (string path in relative)
            {
                LakeLayout.DeleteIfPresent(Layout.Absolute(path) + LakeLayout.TemporarySuffix);
                LakeLayout.DeleteIfPresent(Layout.Absolute(path));
            }

            await _catalog.RemovePendingFilesAsync(relative, CancellationToken.None);
            throw;
        }

        return written;
    }

    private async Task<NewDataFile> WriteOneAsync(string relative, PartitionData partition, Func<long, string> seriesKeyOf, CancellationToken cancellationToken)
    {
        string absolute = Layout.Absolute(relative);
        string temporary = absolute + LakeLayout.TemporarySuffix;
        Directory.CreateDirectory(Path.GetDirectoryName(absolute)!);

        // why: the file is encoded in memory so that its hash needs no second read; partition files are a few MB.
        using var buffer = new MemoryStream();
        await MetricsFileWriter.WriteAsync(buffer, partition.Block, seriesKeyOf, MetricsFileWriter.DefaultRowGroupRows, cancellationToken);
        var bytes = new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, checked((int)buffer.Length));
        string sha = Convert.ToHexStringLower(SHA256.HashData(bytes.Span));
        await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None))
        {
            await stream.WriteAsync(bytes, cancellationToken);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, absolute);
        var block = partition.Block;
        long minSeries = long.MaxValue, maxSeries = long.MinValue, minTs = long.MaxValue, maxTs = long.MinValue;
        for (int i = 0; i < block.Count; i++)
        {
            minSeries = Math.Min(minSeries, block.SeriesIds[i]);
            maxSeries = Math.Max(maxSeries, block.SeriesIds[i]);
            minTs = Math.Min(minTs, block.TimestampsMs[i]);
            maxTs = Math.Max(maxTs, block.TimestampsMs[i]);
        }

        return new NewDataFile(relative, partition.Tenant, partition.Region, partition.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            block.Count, minTs, maxTs, minSeries, maxSeries, bytes.Length, sha);
    }

    /// <summary>Reads the rows of a committed file that pass <paramref name="filter"/>.</summary>
    public Task<MetricsBlock> ReadAsync(DataFileRecord file, MetricsFilter? filter, CancellationToken cancellationToken) =>
        MetricsFileReader.ReadAsync(Layout.Absolute(file.Path), filter, cancellationToken);

    /// <summary>Like the overload without buffers, the block's arrays taken from <paramref name="buffers"/> (hand the block back there when done).</summary>
    public Task<MetricsBlock> ReadAsync(DataFileRecord file, MetricsFilter? filter, MetricsBuffers buffers, CancellationToken cancellationToken) =>
        MetricsFileReader.ReadAsync(Layout.Absolute(file.Path), filter, buffers, cancellationToken);

    /// <summary>The lowercase hex SHA-256 of a file.</summary>
    public static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        byte[] hash = await SHA256.HashDataAsync(stream, cancellationToken);
        return Convert.ToHexStringLower(hash);
    }
}
