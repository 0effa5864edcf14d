namespace AnomalyHunter.Lakehouse.Ingest;

/// <summary>How timestamp fields are written in the input.</summary>
public enum TimestampFormat
{
    /// <summary>ISO-8601 text (with or without offset) or a number: below 10^11 epoch seconds, otherwise epoch milliseconds.</summary>
    Auto,

    /// <summary>ISO-8601 text only.</summary>
    Iso,

    /// <summary>Epoch seconds (fractions allowed).</summary>
    EpochSeconds,

    /// <summary>Epoch milliseconds.</summary>
    EpochMilliseconds,
}
