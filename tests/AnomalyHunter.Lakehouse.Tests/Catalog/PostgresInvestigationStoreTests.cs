using AnomalyHunter.Lakehouse.Catalog;
using AnomalyHunter.Lakehouse.Postgres;

namespace AnomalyHunter.Lakehouse.Tests.Catalog;

public sealed class PostgresInvestigationStoreTests : InvestigationStoreContractTests
{
    protected override Task<ICatalog> CreateCatalogAsync() =>
        Task.FromResult<ICatalog>(new PostgresCatalog(TestPostgres.ConnectionString, TimeProvider.System, TestPostgres.NewSchema()));
}
