using System.Data.Common;
using AnomalyHunter.Lakehouse.Catalog;
using Npgsql;

namespace AnomalyHunter.Lakehouse.Postgres;

/// <summary>The production catalog on PostgreSQL, optionally inside its own schema.</summary>
public sealed class PostgresCatalog : SqlCatalog
{
    private const long MigrationLockKey = 0x41484D4947524154; // "AHMIGRAT"
    private static readonly IReadOnlyList<CatalogMigration> PostgresMigrations = SqlScripts.Migrations(typeof(PostgresCatalog).Assembly);
    private readonly NpgsqlDataSource _dataSource;
    private readonly string? _schema;

    /// <summary>Creates a catalog from a connection string; <paramref name="schema"/> (created when missing) isolates it from other tables.</summary>
    public PostgresCatalog(string connectionString, TimeProvider time, string? schema = null)
        : base(time)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(schema))
        {
            if (!IsPlainIdentifier(schema))
            {
                throw new ArgumentException($"Schema name '{schema}' must be letters, digits and underscores.", nameof(schema));
            }

            builder.SearchPath = schema;
            _schema = schema;
        }

        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
    }

    /// <inheritdoc />
    public override string Backend => "postgres";

    /// <inheritdoc />
    protected override IReadOnlyList<CatalogMigration> Migrations => PostgresMigrations;

    /// <inheritdoc />
    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <inheritdoc />
    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    /// <inheritdoc />
    protected override async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken);

    /// <inheritdoc />
    protected override async Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using (var lockCmd = Command(connection, transaction, "SELECT pg_advisory_xact_lock(@key)"))
        {
            Param(lockCmd, "@key", MigrationLockKey, System.Data.DbType.Int64);
            await lockCmd.ExecuteNonQueryAsync(cancellationToken);
        }

        if (_schema is not null)
        {
            // why: identifiers cannot be parameters; the name was checked to be a plain identifier.
            await using var create = Command(connection, transaction, "CREATE SCHEMA IF NOT EXISTS \"" + _schema + "\"");
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    protected override async Task<bool> MigrationsTableExistsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var cmd = Command(connection, transaction, "SELECT to_regclass('schema_migrations') IS NOT NULL");
        return (bool)(await cmd.ExecuteScalarAsync(cancellationToken))!;
    }

    private static bool IsPlainIdentifier(string name) =>
        name.Length is > 0 and <= 63 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && !char.IsAsciiDigit(name[0]);
}
