using AnomalyHunter.Jobs.Framework;
using AnomalyHunter.Lakehouse.Sqlite;
using Serilog;

namespace AnomalyHunter.Jobs.Tests.Support;

/// <summary>A lakehouse in a temporary folder with an SQLite catalog.</summary>
internal sealed class TestLake : IAsyncDisposable
{
    private readonly SqliteCatalog _catalog;

    private TestLake(string root, SqliteCatalog catalog)
    {
        Root = root;
        _catalog = catalog;
        Lake = new Lake(catalog, Path.Combine(root, "lake"), TimeProvider.System, new LoggerConfiguration().CreateLogger());
    }

    public string Root { get; }

    public Lake Lake { get; }

    public static async Task<TestLake> CreateAsync()
    {
        string root = Directory.CreateTempSubdirectory("ah-jobs-").FullName;
        var catalog = new SqliteCatalog(Path.Combine(root, "catalog.db"), TimeProvider.System);
        await catalog.MigrateAsync(CancellationToken.None);
        return new TestLake(root, catalog);
    }

    public async ValueTask DisposeAsync()
    {
        await _catalog.DisposeAsync();
        Directory.Delete(Root, recursive: true);
    }
}
