namespace AnomalyHunter.Lakehouse.Ingest;

/// <summary>Why an input row (or a whole file) was not stored. Each reason has a stable kebab-case code used in quarantine files.</summary>
public enum QuarantineReason
{
    /// <summary><c>unparseable-timestamp</c>: the timestamp field is not ISO-8601 or epoch seconds/milliseconds.</summary>
    UnparseableTimestamp,

    /// <summary><c>unparseable-value</c>: the value field is not a number.</summary>
    UnparseableValue,

    /// <summary><c>non-finite-value</c>: the value is NaN or ±Infinity.</summary>
    NonFiniteValue,

    /// <summary><c>timestamp-out-of-range</c>: before 1970-01-01 or further in the future than allowed.</summary>
    TimestampOutOfRange,

    /// <summary><c>duplicate</c>: the (series, timestamp) pair was already seen; the duplicate policy decides which value is kept.</summary>
    Duplicate,

    /// <summary><c>missing-column</c>: the row has fewer fields than the header, or a required field is empty.</summary>
    MissingColumn,

    /// <summary><c>extra-column</c>: the row has more fields than the header.</summary>
    ExtraColumn,

    /// <summary><c>truncated-row</c>: the file ends inside a row (unterminated quote or partial last line).</summary>
    TruncatedRow,

    /// <summary><c>invalid-encoding</c>: the bytes are not valid UTF-8/UTF-16 text.</summary>
    InvalidEncoding,

    /// <summary><c>empty-file</c>: the file holds no header or no data rows.</summary>
    EmptyFile,

    /// <summary><c>unrecognised-layout</c>: the header has no timestamp column, or no value/metric columns.</summary>
    UnrecognisedLayout,

    /// <summary><c>unreadable-file</c>: the file could not be opened or decoded at all (e.g. a corrupt Parquet file).</summary>
    UnreadableFile,

    /// <summary><c>invalid-label</c>: a metric name or label value is empty or too long.</summary>
    InvalidLabel,
}
