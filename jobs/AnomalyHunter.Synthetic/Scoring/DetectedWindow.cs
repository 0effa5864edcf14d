namespace AnomalyHunter.Synthetic.Scoring;

/// <summary>A window that a detector flagged on one series.</summary>
/// <param name="SeriesKey">Canonical key of the series (see <see cref="Model.SeriesKeyText"/>).</param>
/// <param name="Start">First flagged time (UTC, inclusive).</param>
/// <param name="End">Last flagged time (UTC, inclusive).</param>
/// <param name="Kind">The detector's own guess of the kind (label text such as <c>level_shift</c>), if it makes one; it decides the table row of the window.</param>
public sealed record DetectedWindow(string SeriesKey, DateTimeOffset Start, DateTimeOffset End, string? Kind = null);
