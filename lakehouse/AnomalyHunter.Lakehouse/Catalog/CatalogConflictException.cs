namespace AnomalyHunter.Lakehouse.Catalog;

/// <summary>A commit lost a race with another process (a file it removes or a consumer it advances changed first); rerun the job.</summary>
public sealed class CatalogConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CatalogConflictException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public CatalogConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public CatalogConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
