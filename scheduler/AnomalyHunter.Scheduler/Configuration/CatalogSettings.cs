namespace AnomalyHunter.Scheduler.Configuration;

/// <summary>The catalog backend: the embedded SQLite file (default) or PostgreSQL.</summary>
internal sealed class CatalogSettings
{
    /// <summary><c>sqlite</c> (a file in the data folder) or <c>postgres</c>.</summary>
    public string Backend { get; set; } = "sqlite";

    /// <summary>PostgreSQL connection string (required for <c>postgres</c>).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>PostgreSQL schema for the catalog tables (default: the connection's search path).</summary>
    public string? Schema { get; set; }
}
