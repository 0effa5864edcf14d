using AnomalyHunter.Lakehouse.Sqlite;

namespace AnomalyHunter.Investigation.Tests.Support;

/// <summary>A migrated SQLite catalog in a temporary folder.</summary>
internal sealed class TempCatalog : IAsyncDisposable
{
    private TempCatalog(string root, SqliteCatalog catalog)
    {
        Root = root;
        Catalog = catalog;
    }

    public string Root { get; }

    public SqliteCatalog Catalog { get; }

    public static async Task<TempCatalog> CreateAsync()
    {
        string root = Directory.CreateTempSubdirectory("ah-inv-").FullName;
        var catalog = new SqliteCatalog(Path.Combine(root, "catalog.db"), TimeProvider.System);
        await catalog.MigrateAsync(CancellationToken.None);
        return new TempCatalog(root, catalog);
    }

    public async ValueTask DisposeAsync()
    {
        await Catalog.DisposeAsync();
        Directory.Delete(Root, recursive: true);
    }
}
