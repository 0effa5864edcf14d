namespace AnomalyHunter.Lakehouse.Ingest;

/// <summary>Outcome of parsing one value field.</summary>
internal enum ValueStatus
{
    /// <summary>A finite number.</summary>
    Ok,

    /// <summary>The field is empty or null.</summary>
    Empty,

    /// <summary>The text is not a number.</summary>
    Unparseable,

    /// <summary>NaN or ±Infinity (written as such, or a number that overflows).</summary>
    NonFinite,
}
