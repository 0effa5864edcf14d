namespace AnomalyHunter.Synthetic.Model;

/// <summary>One series touched by an anomaly, with its own interval (followers of an incident start later).</summary>
/// <param name="SeriesKey">Canonical key of the series.</param>
/// <param name="LagSteps">Steps after the anomaly's start at which this series starts to move (0 for the origin and for single-series kinds).</param>
/// <param name="Start">First affected step on this series (UTC, inclusive).</param>
/// <param name="End">Last affected step on this series (UTC, inclusive).</param>
/// <param name="Magnitude">Size on this series, in the series' units for value kinds (signed), the factor for variance changes, the absent points for gaps.</param>
/// <param name="Sigmas">Absolute magnitude in units of the series' noise standard deviation at the start; 0 where that does not apply.</param>
public sealed record AffectedSeries(string SeriesKey, int LagSteps, DateTimeOffset Start, DateTimeOffset End, double Magnitude, double Sigmas);
