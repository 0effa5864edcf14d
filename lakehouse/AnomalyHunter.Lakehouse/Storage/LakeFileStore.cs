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
        CancellationToken cancellationToken)
    {
        if (block.Count == 0)
        {
            throw new ArgumentException("A data file needs at least one row.", nameof(block));
        }

        string partition = LakeLayout.PartitionPath(tenant, region, date);
        string relative = LakeLayout.NewDataFilePath(partition, runId);
        string absolute = Layout.Absolute(relative);
        string temporary = absolute + LakeLayout.TemporarySuffix;
        Directory.CreateDirectory(Path.GetDirectoryName(absolute)!);
        await _catalog.AddPendingFileAsync(relative, runId, cancellationToken);

        string sha;
        long size;
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                await MetricsFileWriter.WriteAsync(stream, block, seriesKeyOf, MetricsFileWriter.DefaultRowGroupRows, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            sha = await HashAsync(temporary, cancellationToken);
            size = new FileInfo(temporary).Length;
            File.Move(temporary, absolute);
        }
        catch
        {
            // why: a cancelled or failed write leaves nothing behind; a killed process is cleaned up by LakeRecovery instead.
            File.Delete(temporary);
            await _catalog.RemovePendingFilesAsync([relative], CancellationToken.None);
            throw;
        }

        long minSeries = long.MaxValue, maxSeries = long.MinValue, minTs = long.MaxValue, maxTs = long.MinValue;
        for (int i = 0; i < block.Count; i++)
        {
            minSeries = Math.Min(minSeries, block.SeriesIds[i]);
            maxSeries = Math.Max(maxSeries, block.SeriesIds[i]);
            minTs = Math.Min(minTs, block.TimestampsMs[i]);
            maxTs = Math.Max(maxTs, block.TimestampsMs[i]);
        }

        return new NewDataFile(relative, tenant, region, date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            block.Count, minTs, maxTs, minSeries, maxSeries, size, sha);
    }

    /// <summary>Reads the rows of a committed file that pass <paramref name="filter"/>.</summary>
    public Task<MetricsBlock> ReadAsync(DataFileRecord file, MetricsFilter? filter, CancellationToken cancellationToken) =>
        MetricsFileReader.ReadAsync(Layout.Absolute(file.Path), filter, cancellationToken);

    /// <summary>The lowercase hex SHA-256 of a file.</summary>
    public static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        byte[] hash = await SHA256.HashDataAsync(stream, cancellationToken);
        return Convert.ToHexStringLower(hash);
    }
}
