namespace AnomalyHunter.Lakehouse.Ingest;

/// <summary>Outcome of converting one timestamp field.</summary>
internal enum TimestampStatus
{
    /// <summary>Converted to UTC epoch milliseconds.</summary>
    Ok,

    /// <summary>The field is empty or null.</summary>
    Empty,

    /// <summary>The text is not in an accepted form.</summary>
    Unparseable,

    /// <summary>A naive time that does not exist in the naive time zone (skipped by a daylight-saving change).</summary>
    NonexistentLocalTime,

    /// <summary>Before 1970-01-01 or later than now plus the allowed skew.</summary>
    OutOfRange,
}
