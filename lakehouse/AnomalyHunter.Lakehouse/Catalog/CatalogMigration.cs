namespace AnomalyHunter.Lakehouse.Catalog;

/// <summary>One versioned schema migration.</summary>
public sealed record CatalogMigration(int Version, string Name, string Sql);
