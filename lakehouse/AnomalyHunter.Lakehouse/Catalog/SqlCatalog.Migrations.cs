using System.Data;

namespace AnomalyHunter.Lakehouse.Catalog;

/// <summary>Versioned schema migrations.</summary>
public abstract partial class SqlCatalog
{
    private const string MigrationsTableDdl =
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at_ms BIGINT NOT NULL)";

    /// <inheritdoc />
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var tx = await BeginWriteAsync(connection, cancellationToken);
        await LockForMigrationAsync(connection, tx, cancellationToken);
        if (!await MigrationsTableExistsAsync(connection, tx, cancellationToken))
        {
            await using var create = Command(connection, tx, MigrationsTableDdl);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var applied = new HashSet<int>();
        await using (var cmd = Command(connection, tx, Sql("migrations_applied")))
        await using (var reader = await cmd.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        int newest = Migrations.Count == 0 ? 0 : Migrations[^1].Version;
        if (applied.Count > 0 && applied.Max() > newest)
        {
            throw new InvalidOperationException(
                $"The catalog schema is at version {applied.Max()}, newer than this program knows ({newest}); upgrade the program.");
        }

        foreach (var migration in Migrations.Where(m => !applied.Contains(m.Version)))
        {
            await using (var ddl = Command(connection, tx, migration.Sql))
            {
                await ddl.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var record = Command(connection, tx, Sql("migration_record"));
            Param(record, "@version", migration.Version, DbType.Int32);
            Param(record, "@name", migration.Name, DbType.String);
            Param(record, "@now", NowMs(), DbType.Int64);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<int> SchemaVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var cmd = Command(connection, null, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
        object? value = await cmd.ExecuteScalarAsync(cancellationToken);
        return Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
