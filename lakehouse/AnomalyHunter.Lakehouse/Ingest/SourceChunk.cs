using AnomalyHunter.Lakehouse.Model;

namespace AnomalyHunter.Lakehouse.Ingest;

/// <summary>A block of accepted rows from one input file, in long (columnar) form, plus the rows rejected while reading it.</summary>
/// <remarks>
/// Row i is series <c>Keys[KeyIndex[i]]</c> at <c>TimestampsMs[i]</c> (UTC epoch milliseconds) with <c>Values[i]</c>
/// (always finite). <see cref="Keys"/> is the file's key table: it may be shared by later chunks of the same file and
/// only ever grows. Rows are in file order; nothing is deduplicated at this stage.
/// </remarks>
public sealed class SourceChunk
{
    /// <summary>The input file this chunk came from.</summary>
    public required string SourcePath { get; init; }

    /// <summary>Series keys referenced by <see cref="KeyIndex"/>.</summary>
    public required IReadOnlyList<SeriesKey> Keys { get; init; }

    /// <summary>Index into <see cref="Keys"/> per row; length ≥ <see cref="Count"/>.</summary>
    public required int[] KeyIndex { get; init; }

    /// <summary>UTC epoch milliseconds per row; length ≥ <see cref="Count"/>.</summary>
    public required long[] TimestampsMs { get; init; }

    /// <summary>Finite value per row; length ≥ <see cref="Count"/>.</summary>
    public required double[] Values { get; init; }

    /// <summary>Line (CSV) or row (Parquet) number per row, for quarantine reports of later stages; length ≥ <see cref="Count"/>.</summary>
    public required long[] LineNumbers { get; init; }

    /// <summary>Number of accepted rows in this chunk.</summary>
    public required int Count { get; init; }

    /// <summary>Rows rejected while reading this part of the file.</summary>
    public required IReadOnlyList<QuarantinedRow> Rejected { get; init; }
}
