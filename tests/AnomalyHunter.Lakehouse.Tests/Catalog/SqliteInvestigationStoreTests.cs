using AnomalyHunter.Lakehouse.Catalog;
using AnomalyHunter.Lakehouse.Sqlite;

namespace AnomalyHunter.Lakehouse.Tests.Catalog;

public sealed class SqliteInvestigationStoreTests : InvestigationStoreContractTests, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ah-inv-store-").FullName;

    protected override Task<ICatalog> CreateCatalogAsync() =>
        Task.FromResult<ICatalog>(new SqliteCatalog(Path.Combine(_dir, "catalog.db"), TimeProvider.System));

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
