namespace AnomalyHunter.Lakehouse.Ingest;

/// <summary>Stable text codes of <see cref="QuarantineReason"/>.</summary>
public static class QuarantineReasonCodes
{
    /// <summary>The kebab-case code of a reason, e.g. <c>unparseable-timestamp</c>.</summary>
    public static string Code(this QuarantineReason reason) => reason switch
    {
        QuarantineReason.UnparseableTimestamp => "unparseable-timestamp",
        QuarantineReason.UnparseableValue => "unparseable-value",
        QuarantineReason.NonFiniteValue => "non-finite-value",
        QuarantineReason.TimestampOutOfRange => "timestamp-out-of-range",
        QuarantineReason.Duplicate => "duplicate",
        QuarantineReason.MissingColumn => "missing-column",
        QuarantineReason.ExtraColumn => "extra-column",
        QuarantineReason.TruncatedRow => "truncated-row",
        QuarantineReason.InvalidEncoding => "invalid-encoding",
        QuarantineReason.EmptyFile => "empty-file",
        QuarantineReason.UnrecognisedLayout => "unrecognised-layout",
        QuarantineReason.UnreadableFile => "unreadable-file",
        QuarantineReason.InvalidLabel => "invalid-label",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown quarantine reason."),
    };
}
