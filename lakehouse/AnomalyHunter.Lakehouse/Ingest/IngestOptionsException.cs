namespace AnomalyHunter.Lakehouse.Ingest;

/// <summary>An ingest setting outside its allowed values; the message names the setting (e.g. <c>Ingest:ChunkRows</c>) and what is allowed.</summary>
public sealed class IngestOptionsException : Exception
{
    /// <summary>Creates the exception for <paramref name="setting"/> with a message that states the allowed values.</summary>
    public IngestOptionsException(string setting, string message)
        : base($"{setting}: {message}") => Setting = setting;

    /// <summary>Creates the exception with a plain message.</summary>
    public IngestOptionsException(string message)
        : base(message) => Setting = string.Empty;

    /// <summary>Creates the exception with a plain message and inner exception.</summary>
    public IngestOptionsException(string message, Exception innerException)
        : base(message, innerException) => Setting = string.Empty;

    /// <summary>Creates an empty exception.</summary>
    public IngestOptionsException()
        => Setting = string.Empty;

    /// <summary>The configuration key of the invalid setting, e.g. <c>Ingest:NaiveTimeZone</c>.</summary>
    public string Setting { get; }
}
