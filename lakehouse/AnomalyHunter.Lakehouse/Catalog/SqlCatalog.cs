using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;

namespace AnomalyHunter.Lakehouse.Catalog;

/// <summary>The catalog over ADO.NET; the SQLite and PostgreSQL backends supply connections, transactions and DDL.</summary>
public abstract partial class SqlCatalog : ICatalog
{
    private const int InListChunk = 500;
    private const int BatchChunk = 1000;

    /// <summary>Creates the catalog with the clock used for audit timestamps.</summary>
    protected SqlCatalog(TimeProvider time) => Time = time;

    /// <inheritdoc />
    public abstract string Backend { get; }

    /// <summary>The clock for created/updated timestamps.</summary>
    protected TimeProvider Time { get; }

    /// <summary>The versioned migrations of this backend.</summary>
    protected abstract IReadOnlyList<CatalogMigration> Migrations { get; }

    /// <summary>Opens a pooled connection.</summary>
    protected abstract ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Begins a transaction that will write (SQLite takes the write lock at once).</summary>
    protected abstract ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Serialises migrations across processes inside <paramref name="transaction"/>.</summary>
    protected abstract Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Whether the migrations table exists yet.</summary>
    protected abstract Task<bool> MigrationsTableExistsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <inheritdoc />
    public abstract ValueTask DisposeAsync();

    /// <summary>The text of a shared DML script.</summary>
    protected static string Sql(string name) => SqlScripts.Get(typeof(SqlCatalog).Assembly, name);

    /// <summary>Current time in epoch milliseconds.</summary>
    protected long NowMs() => Time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Creates a command bound to the connection and transaction.</summary>
    protected static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var cmd = connection.CreateCommand();
#pragma warning disable CA2100 // why: SQL comes from embedded scripts; only placeholder lists are generated in code.
        cmd.CommandText = sql;
#pragma warning restore CA2100
        cmd.Transaction = transaction;
        return cmd;
    }

    /// <summary>Adds a typed parameter (typed even when null, so PostgreSQL can infer it).</summary>
    protected static DbParameter Param(DbCommand command, string name, object? value, DbType type)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.DbType = type;
        p.Value = value ?? DBNull.Value;
        command.Parameters.Add(p);
        return p;
    }

    /// <summary>Replaces <paramref name="placeholder"/> with <c>@p0,@p1,…</c> and binds the values.</summary>
    protected static void BindInList<T>(DbCommand command, string placeholder, IReadOnlyList<T> values, DbType type)
    {
        var names = new StringBuilder();
        for (int i = 0; i < values.Count; i++)
        {
            string name = string.Create(CultureInfo.InvariantCulture, $"@in{i}");
            if (i > 0)
            {
                names.Append(',');
            }

            names.Append(name);
            Param(command, name, values[i], type);
        }

#pragma warning disable CA2100 // why: only generated parameter names are inserted.
        command.CommandText = command.CommandText.Replace(placeholder, names.ToString(), StringComparison.Ordinal);
#pragma warning restore CA2100
    }

    /// <summary>Splits a collection into chunks small enough for an IN list.</summary>
    protected static IEnumerable<T[]> InChunks<T>(IEnumerable<T> values) => values.Chunk(InListChunk);

    /// <summary>Executes one statement per row, batched when the provider supports batches.</summary>
    protected static async Task ExecuteManyAsync<T>(
        DbConnection connection,
        DbTransaction transaction,
        string sql,
        IReadOnlyList<T> rows,
        Action<DbCommand, T> bind,
        CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        if (connection.CanCreateBatch)
        {
            foreach (T[] chunk in rows.Chunk(BatchChunk))
            {
                await using var batch = connection.CreateBatch();
                batch.Transaction = transaction;
                foreach (T row in chunk)
                {
                    var bc = batch.CreateBatchCommand();
                    bc.CommandText = sql;
                    using var scratch = connection.CreateCommand();
                    bind(scratch, row);
                    foreach (DbParameter p in scratch.Parameters.Cast<DbParameter>().ToArray())
                    {
                        scratch.Parameters.Remove(p);
                        bc.Parameters.Add(p);
                    }

                    batch.BatchCommands.Add(bc);
                }

                await batch.ExecuteNonQueryAsync(cancellationToken);
            }

            return;
        }

        await using var cmd = Command(connection, transaction, sql);
        foreach (T row in rows)
        {
            cmd.Parameters.Clear();
            bind(cmd, row);
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Reads a nullable 64-bit integer column.</summary>
    protected static long? NullableInt64(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    /// <summary>Reads a nullable string column.</summary>
    protected static string? NullableString(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
