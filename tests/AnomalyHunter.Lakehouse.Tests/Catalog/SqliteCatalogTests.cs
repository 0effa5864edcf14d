using AnomalyHunter.Lakehouse.Catalog;
using AnomalyHunter.Lakehouse.Sqlite;
using Microsoft.Data.Sqlite;

namespace AnomalyHunter.Lakehouse.Tests.Catalog;

public sealed class SqliteCatalogTests : CatalogContractTests, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ah-catalog-").FullName;

    protected override Task<ICatalog> CreateCatalogAsync() =>
        Task.FromResult<ICatalog>(new SqliteCatalog(Path.Combine(_dir, "catalog.db"), TimeProvider.System));

    [Fact]
    public async Task A_new_catalog_file_uses_64_KB_pages()
    {
        string path = Path.Combine(_dir, "new.db");
        await using (var catalog = new SqliteCatalog(path, TimeProvider.System))
        {
            await catalog.MigrateAsync(CancellationToken.None);
        }

        Assert.Equal(65_536, await PageSizeAsync(path));
    }

    [Fact]
    public async Task An_existing_catalog_file_keeps_its_page_size_and_stays_usable()
    {
        string path = Path.Combine(_dir, "old.db");
        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync();
            await using var create = connection.CreateCommand();
            create.CommandText = "PRAGMA page_size = 4096; PRAGMA journal_mode = WAL; CREATE TABLE earlier (x INTEGER);";
            await create.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        await using (var catalog = new SqliteCatalog(path, TimeProvider.System))
        {
            await catalog.MigrateAsync(CancellationToken.None);
            Assert.Equal(0, await catalog.CurrentSnapshotAsync(CancellationToken.None));
        }

        Assert.Equal(4_096, await PageSizeAsync(path));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<long> PageSizeAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var query = connection.CreateCommand();
        query.CommandText = "PRAGMA page_size";
        return (long)(await query.ExecuteScalarAsync())!;
    }
}
