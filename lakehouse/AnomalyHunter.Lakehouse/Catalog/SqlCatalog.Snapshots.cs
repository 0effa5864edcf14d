using System.Data;
using System.Data.Common;
using System.Globalization;

namespace AnomalyHunter.Lakehouse.Catalog;

/// <summary>Snapshots, data files, pending writes, change extents and ingested sources.</summary>
public abstract partial class SqlCatalog
{
    /// <inheritdoc />
    public async Task<long> CurrentSnapshotAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var cmd = Command(connection, null, Sql("head_current"));
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SnapshotRecord>> ListSnapshotsAsync(CancellationToken cancellationToken)
    {
        var list = new List<SnapshotRecord>();
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var cmd = Command(connection, null, Sql("snapshot_list"));
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new SnapshotRecord(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), NullableString(reader, 3), reader.GetString(4)));
        }

        return list;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DataFileRecord>> ListFilesAsync(long snapshotId, CancellationToken cancellationToken) =>
        ReadFilesAsync("files_live", snapshotId, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<DataFileRecord>> ListRemovedFilesAsync(long snapshotId, CancellationToken cancellationToken) =>
        ReadFilesAsync("files_removed", snapshotId, cancellationToken);

    /// <inheritdoc />
    public async Task PurgeRemovedFilesAsync(IReadOnlyCollection<long> fileIds, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var tx = await BeginWriteAsync(connection, cancellationToken);
        await ExecuteManyAsync(connection, tx, Sql("files_purge"), [.. fileIds], (cmd, id) => Param(cmd, "@id", id, DbType.Int64), cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task AddPendingFilesAsync(IReadOnlyCollection<string> paths, string runId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var tx = await BeginWriteAsync(connection, cancellationToken);
        long now = NowMs();
        await ExecuteManyAsync(connection, tx, Sql("pending_insert"), [.. paths], (cmd, path) =>
        {
            Param(cmd, "@path", path, DbType.String);
            Param(cmd, "@run", runId, DbType.String);
            Param(cmd, "@now", now, DbType.Int64);
        }, cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PendingFile>> ListPendingFilesAsync(CancellationToken cancellationToken)
    {
        var list = new List<PendingFile>();
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var cmd = Command(connection, null, Sql("pending_list"));
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new PendingFile(reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        }

        return list;
    }

    /// <inheritdoc />
    public async Task RemovePendingFilesAsync(IReadOnlyCollection<string> paths, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var tx = await BeginWriteAsync(connection, cancellationToken);
        await ExecuteManyAsync(connection, tx, Sql("pending_delete"), [.. paths], (cmd, p) => Param(cmd, "@path", p, DbType.String), cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<long> CommitSnapshotAsync(SnapshotCommit commit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var tx = await BeginWriteAsync(connection, cancellationToken);
        long snapshot;
        // why: advancing the single head row serialises commits, so snapshot ids follow commit order on every backend.
        await using (var head = Command(connection, tx, Sql("head_advance")))
        {
            snapshot = Convert.ToInt64(await head.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        long now = NowMs();
        await using (var insert = Command(connection, tx, Sql("snapshot_insert")))
        {
            Param(insert, "@id", snapshot, DbType.Int64);
            Param(insert, "@now", now, DbType.Int64);
            Param(insert, "@operation", commit.Operation, DbType.String);
            Param(insert, "@run", commit.RunId, DbType.String);
            Param(insert, "@summary", commit.SummaryJson, DbType.String);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        if (commit.BasedOnSnapshot is long basedOn)
        {
            foreach (var partition in commit.GuardedPartitions)
            {
                await using var guard = Command(connection, tx, Sql("partition_changed_since"));
                Param(guard, "@tenant", partition.Tenant, DbType.String);
                Param(guard, "@region", partition.Region, DbType.String);
                Param(guard, "@date", partition.PartitionDate, DbType.String);
                Param(guard, "@snapshot", basedOn, DbType.Int64);
                if (Convert.ToInt64(await guard.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0)
                {
                    throw new CatalogConflictException(
                        $"Partition {partition.Tenant}/{partition.Region}/{partition.PartitionDate} changed after snapshot {basedOn}; retry.");
                }
            }
        }

        foreach (long fileId in commit.RemovedFileIds)
        {
            await using var remove = Command(connection, tx, Sql("file_remove"));
            Param(remove, "@snapshot", snapshot, DbType.Int64);
            Param(remove, "@id", fileId, DbType.Int64);
            if (await remove.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                throw new CatalogConflictException(
                    string.Create(CultureInfo.InvariantCulture, $"Data file {fileId} was already removed by another commit; rerun the job."));
            }
        }

        foreach (var source in commit.Sources)
        {
            await using var exists = Command(connection, tx, Sql("source_exists"));
            Param(exists, "@sha", source.Sha256, DbType.String);
            if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0)
            {
                throw new CatalogConflictException($"Source {source.Path} (sha256 {source.Sha256}) was committed by another run.");
            }
        }

        await ExecuteManyAsync(connection, tx, Sql("file_insert"), commit.AddedFiles, (cmd, f) =>
        {
            Param(cmd, "@path", f.Path, DbType.String);
            Param(cmd, "@tenant", f.Tenant, DbType.String);
            Param(cmd, "@region", f.Region, DbType.String);
            Param(cmd, "@date", f.PartitionDate, DbType.String);
            Param(cmd, "@rows", f.RowCount, DbType.Int64);
            Param(cmd, "@min_ts", f.MinTsMs, DbType.Int64);
            Param(cmd, "@max_ts", f.MaxTsMs, DbType.Int64);
            Param(cmd, "@min_series", f.MinSeriesId, DbType.Int64);
            Param(cmd, "@max_series", f.MaxSeriesId, DbType.Int64);
            Param(cmd, "@size", f.SizeBytes, DbType.Int64);
            Param(cmd, "@sha", f.Sha256, DbType.String);
            Param(cmd, "@snapshot", snapshot, DbType.Int64);
        }, cancellationToken);
        await ExecuteManyAsync(connection, tx, Sql("pending_delete"), commit.AddedFiles, (cmd, f) => Param(cmd, "@path", f.Path, DbType.String), cancellationToken);
        await ExecuteManyAsync(connection, tx, Sql("change_insert"), commit.Changes, (cmd, c) =>
        {
            Param(cmd, "@snapshot", snapshot, DbType.Int64);
            Param(cmd, "@series", c.SeriesId, DbType.Int64);
            Param(cmd, "@min_ts", c.MinTsMs, DbType.Int64);
            Param(cmd, "@max_ts", c.MaxTsMs, DbType.Int64);
            Param(cmd, "@rows", c.RowCount, DbType.Int64);
        }, cancellationToken);
        await ExecuteManyAsync(connection, tx, Sql("source_insert"), commit.Sources, (cmd, s) =>
        {
            Param(cmd, "@sha", s.Sha256, DbType.String);
            Param(cmd, "@path", s.Path, DbType.String);
            Param(cmd, "@snapshot", snapshot, DbType.Int64);
            Param(cmd, "@accepted", s.RowsAccepted, DbType.Int64);
            Param(cmd, "@quarantined", s.RowsQuarantined, DbType.Int64);
            Param(cmd, "@now", now, DbType.Int64);
        }, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return snapshot;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SeriesChange>> ListChangesAsync(long afterSnapshot, long upToSnapshot, CancellationToken cancellationToken)
    {
        var list = new List<SeriesChange>();
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var cmd = Command(connection, null, Sql("changes_between"));
        Param(cmd, "@after", afterSnapshot, DbType.Int64);
        Param(cmd, "@upto", upToSnapshot, DbType.Int64);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new SeriesChange(
                reader.GetInt64(0),
                Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture),
                Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture),
                Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture)));
        }

        return list;
    }

    /// <inheritdoc />
    public async Task<IReadOnlySet<string>> FindIngestedSourcesAsync(IReadOnlyCollection<string> sha256s, CancellationToken cancellationToken)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        foreach (string[] chunk in InChunks(sha256s.Distinct(StringComparer.Ordinal)))
        {
            await using var cmd = Command(connection, null, Sql("sources_find"));
            BindInList(cmd, "{shas}", chunk, DbType.String);
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                found.Add(reader.GetString(0));
            }
        }

        return found;
    }

    private async Task<IReadOnlyList<DataFileRecord>> ReadFilesAsync(string script, long snapshotId, CancellationToken cancellationToken)
    {
        var list = new List<DataFileRecord>();
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var cmd = Command(connection, null, Sql(script));
        Param(cmd, "@snapshot", snapshotId, DbType.Int64);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(ReadFile(reader));
        }

        return list;
    }

    private static DataFileRecord ReadFile(DbDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetInt64(5), r.GetInt64(6), r.GetInt64(7),
        r.GetInt64(8), r.GetInt64(9), r.GetInt64(10), r.GetString(11), r.GetInt64(12), NullableInt64(r, 13));
}
