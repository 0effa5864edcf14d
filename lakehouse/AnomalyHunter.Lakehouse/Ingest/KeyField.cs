namespace AnomalyHunter.Lakehouse.Ingest;

/// <summary>A column that is part of the series identity.</summary>
/// <param name="Column">0-based column index.</param>
/// <param name="Role">What the column contributes.</param>
/// <param name="Name">The column name as written in the header (the label name for <see cref="KeyFieldRole.Label"/>).</param>
internal readonly record struct KeyField(int Column, KeyFieldRole Role, string Name);
