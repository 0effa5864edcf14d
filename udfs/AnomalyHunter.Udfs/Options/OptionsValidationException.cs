namespace AnomalyHunter.Udfs.Options;

/// <summary>A configuration value outside its allowed range; the message names the setting and the allowed values.</summary>
public sealed class OptionsValidationException : Exception
{
    /// <summary>Creates the exception for <paramref name="setting"/> with a message that states the allowed range.</summary>
    public OptionsValidationException(string setting, string message)
        : base($"{setting}: {message}") => Setting = setting;

    /// <summary>Creates the exception with a plain message.</summary>
    public OptionsValidationException(string message)
        : base(message) => Setting = string.Empty;

    /// <summary>Creates the exception with a plain message and inner exception.</summary>
    public OptionsValidationException(string message, Exception innerException)
        : base(message, innerException) => Setting = string.Empty;

    /// <summary>Creates an empty exception.</summary>
    public OptionsValidationException()
        => Setting = string.Empty;

    /// <summary>The configuration key of the invalid setting.</summary>
    public string Setting { get; }
}
