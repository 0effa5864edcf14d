namespace AnomalyHunter.Synthetic.Output;

/// <summary>What a writer produced.</summary>
/// <param name="Paths">Files written, in order.</param>
/// <param name="Rows">Data rows written (headers excluded).</param>
/// <param name="Bytes">Bytes written.</param>
public sealed record CsvWriteResult(IReadOnlyList<string> Paths, long Rows, long Bytes);
