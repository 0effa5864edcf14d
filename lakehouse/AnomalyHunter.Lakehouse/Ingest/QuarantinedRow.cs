namespace AnomalyHunter.Lakehouse.Ingest;

/// <summary>One rejected input row (or a whole file when <see cref="Line"/> is 0), with the reason and the raw text.</summary>
/// <param name="SourcePath">The input file.</param>
/// <param name="Line">1-based physical line number in a CSV (header is line 1), 1-based row number in Parquet, or 0 for the whole file.</param>
/// <param name="Reason">Why the row was not stored.</param>
/// <param name="Detail">Human-readable detail, e.g. the field that failed and why.</param>
/// <param name="Raw">The raw row text (CSV) or a rendering of the row (Parquet); may be truncated to a few kilobytes.</param>
public sealed record QuarantinedRow(string SourcePath, long Line, QuarantineReason Reason, string Detail, string Raw);
