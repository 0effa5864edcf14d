namespace AnomalyHunter.Synthetic.Options;

/// <summary>A generator setting outside its allowed range; the message names the setting and the allowed values.</summary>
public sealed class SyntheticOptionsException : Exception
{
    /// <summary>Creates the exception for <paramref name="setting"/> with a message that states the allowed range.</summary>
    public SyntheticOptionsException(string setting, string message)
        : base($"{setting}: {message}") => Setting = setting;

    /// <summary>Creates the exception with a plain message.</summary>
    public SyntheticOptionsException(string message)
        : base(message) => Setting = string.Empty;

    /// <summary>Creates the exception with a plain message and inner exception.</summary>
    public SyntheticOptionsException(string message, Exception innerException)
        : base(message, innerException) => Setting = string.Empty;

    /// <summary>Creates an empty exception.</summary>
    public SyntheticOptionsException()
        => Setting = string.Empty;

    /// <summary>The configuration key of the invalid setting, such as <c>Synthetic:Days</c>.</summary>
    public string Setting { get; }
}
