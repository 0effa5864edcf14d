namespace AnomalyHunter.Lakehouse.Ingest;

/// <summary>A text input opened as UTF-8 bytes, or the reason it cannot be read.</summary>
/// <param name="Stream">The UTF-8 content after any BOM; null when the file is rejected as a whole.</param>
/// <param name="Utf16">True when the file is UTF-16 and was transcoded.</param>
/// <param name="Gzip">True when the file is gzip-compressed.</param>
/// <param name="BomLength">Bytes of byte-order mark skipped at the start of the (decompressed) content.</param>
/// <param name="Reason">Why the file is rejected, when <paramref name="Stream"/> is null.</param>
/// <param name="Detail">What is wrong, when <paramref name="Stream"/> is null.</param>
internal sealed record OpenedText(Stream? Stream, bool Utf16, bool Gzip, int BomLength, QuarantineReason Reason, string Detail);
