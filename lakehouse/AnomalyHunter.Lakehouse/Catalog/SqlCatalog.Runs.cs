using System.Data;
using System.Data.Common;
using System.Globalization;

namespace AnomalyHunter.Lakehouse.Catalog;

/// <summary>Job runs.</summary>
public abstract partial class SqlCatalog
{
    /// <inheritdoc />
    public async Task StartRunAsync(JobRunRecord run, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var tx = await BeginWriteAsync(connection, cancellationToken);
        await using var cmd = Command(connection, tx, Sql("run_insert"));
        Param(cmd, "@run", run.RunId, DbType.String);
        Param(cmd, "@job", run.Job, DbType.String);
        Param(cmd, "@parameters", run.ParametersJson, DbType.String);
        Param(cmd, "@snapshot", run.SnapshotId, DbType.Int64);
        Param(cmd, "@started", run.StartedAtMs, DbType.Int64);
        Param(cmd, "@outcome", run.Outcome, DbType.String);
        Param(cmd, "@host", run.Host, DbType.String);
        Param(cmd, "@pid", (long)run.ProcessId, DbType.Int64);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task FinishRunAsync(
        string runId,
        long endedAtMs,
        string outcome,
        long? snapshotId,
        string countsJson,
        string? error,
        CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var tx = await BeginWriteAsync(connection, cancellationToken);
        await using var cmd = Command(connection, tx, Sql("run_finish"));
        Param(cmd, "@run", runId, DbType.String);
        Param(cmd, "@ended", endedAtMs, DbType.Int64);
        Param(cmd, "@outcome", outcome, DbType.String);
        Param(cmd, "@snapshot", snapshotId, DbType.Int64);
        Param(cmd, "@counts", countsJson, DbType.String);
        Param(cmd, "@error", error, DbType.String);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<JobRunRecord?> GetRunAsync(string runId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var cmd = Command(connection, null, Sql("run_get"));
        Param(cmd, "@run", runId, DbType.String);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadRun(reader) : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<JobRunRecord>> ListRunsAsync(int limit, CancellationToken cancellationToken)
    {
        var list = new List<JobRunRecord>();
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var cmd = Command(connection, null, Sql("run_list"));
        Param(cmd, "@limit", (long)limit, DbType.Int64);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(ReadRun(reader));
        }

        return list;
    }

    private static JobRunRecord ReadRun(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        NullableInt64(reader, 3),
        reader.GetInt64(4),
        NullableInt64(reader, 5),
        reader.GetString(6),
        reader.GetString(7),
        NullableString(reader, 8),
        reader.GetString(9),
        Convert.ToInt32(reader.GetValue(10), CultureInfo.InvariantCulture));
}
