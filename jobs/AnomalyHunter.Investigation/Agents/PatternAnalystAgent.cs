using AnomalyHunter.Investigation.Context;
using AnomalyHunter.Investigation.Findings;

namespace AnomalyHunter.Investigation.Agents;

/// <summary>
/// Offline pattern analyst: names the kind of anomaly (spike, dip, level shift, trend change, variance change, seasonality
/// break, missing data) from the window's residuals against the series' own seasonal history, and sizes it against the
/// baseline and the daily season.
/// </summary>
public sealed class PatternAnalystAgent : IInvestigationAgent
{
    /// <summary>Version of the logic; bump when findings change.</summary>
    public const string LogicVersion = "offline-1.1";

    private readonly AgentOptions _options;

    /// <summary>Creates the agent.</summary>
    public PatternAnalystAgent(AgentOptions options)
    {
        options.Validate();
        _options = options;
    }

    /// <inheritdoc />
    public string Name => AgentNames.PatternAnalyst;

    /// <inheritdoc />
    public string Version => LogicVersion;

    /// <inheritdoc />
    public Task<Finding> InvestigateAsync(InvestigationContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var a = WindowAnalyzer.Analyze(context.Target.Points, context.Anomaly.StartTsMs, context.Anomaly.EndTsMs, _options);
        return Task.FromResult(Describe(a, context));
    }

    internal Finding Describe(WindowAnalysis a, InvestigationContext context)
    {
        string metric = context.Target.Key.Metric;
        double deviation = a.PeakValue - a.PeakExpected;
        double ofSeason = a.DailyRange > 0 ? 100 * Math.Abs(deviation) / a.DailyRange : double.NaN;
        double ofBaseline = a.PeakExpected != 0 ? 100 * deviation / Math.Abs(a.PeakExpected) : double.NaN;
        var from = Text.At(a.StartMs);
        var to = Text.At(a.EndMs);
        string claim = a.Pattern switch
        {
            Patterns.MissingData => Text.F($"{metric} is missing {a.MissingPoints} of {a.ExpectedPoints} expected points between {Text.Time(a.StartMs)} and {Text.Time(a.EndMs)}."),
            Patterns.SeasonalityBreak => a.FromSurroundings
                ? SeasonalClaim(metric, a.DaySeasonal, "the day's variation around the window")
                : SeasonalClaim(metric, a.Seasonal, "the window's variation"),
            Patterns.LevelShift => Text.F($"{metric} shifted {(a.ShiftSigmas > 0 ? "up" : "down")} by {Text.N(Math.Abs(a.ShiftSigmas), 1)} sigma ({Text.N(a.PostLevel - a.PreLevel, 3)}) at {Text.Time(a.Change.StepMs)} and stayed there."),
            Patterns.TrendChange when a.FromSurroundings => Text.F($"{metric} has been drifting {(a.Drift.Sigmas > 0 ? "up" : "down")} by {Text.N(Math.Abs(a.Drift.Sigmas), 1)} sigma over a ramp from {Text.Time(a.Drift.StartMs)} to {Text.Time(a.Drift.EndMs)}; the window is a piece of that drift."),
            Patterns.TrendChange => Text.F($"{metric} drifted {(a.ShiftSigmas > 0 ? "up" : "down")} by {Text.N(Math.Abs(a.ShiftSigmas), 1)} sigma over a ramp from {Text.Time(a.Change.RampStartMs)} to {Text.Time(a.Change.RampEndMs)}, then held the new level."),
            Patterns.VarianceChange => Text.F($"{metric}'s noise grew {Text.N(a.VarianceRatio, 1)}× while its level stayed within {Text.N(Math.Abs(a.WindowShiftSigmas), 1)} sigma."),
            _ => Text.F($"{metric} {(a.Pattern == Patterns.Spike ? "spiked" : "dipped")} to {Text.N(a.PeakValue, 3)} at {Text.Time(a.PeakMs)} against an expected {Text.N(a.PeakExpected, 3)} ({Text.N(a.PeakZ, 1)} sigma) and returned within {a.ExcursionPoints} points."),
        };
        var evidence = new List<EvidenceItem>
        {
            new() { Name = "pattern", Detail = a.Pattern, From = from, To = to },
            new() { Name = "peak_deviation_sigmas", Value = Round(a.PeakZ), Unit = "sigma", From = Text.At(a.PeakMs), To = Text.At(a.PeakMs) },
            new() { Name = "peak_value", Value = Round(a.PeakValue), From = Text.At(a.PeakMs), To = Text.At(a.PeakMs) },
            new() { Name = "expected_value", Value = Round(a.PeakExpected), Detail = "median of the same time of day on earlier days", From = Text.At(a.PeakMs), To = Text.At(a.PeakMs) },
            new() { Name = "deviation_percent_of_baseline", Value = Round(ofBaseline), Unit = "percent" },
            new() { Name = "deviation_percent_of_daily_range", Value = Round(ofSeason), Unit = "percent", Detail = "size against the usual daily swing" },
            new() { Name = "noise_sigma", Value = Round(a.Sigma), Detail = "robust noise of the residuals over the two days before", From = Text.At(a.StartMs - (2 * 86_400_000L)), To = from },
            new() { Name = "level_shift_sigmas", Value = Round(a.ShiftSigmas), Unit = "sigma", Detail = a.PostAvailable ? "median after the window minus median before" : "no data after the window yet" },
            new() { Name = "noise_ratio", Value = Round(a.VarianceRatio), Unit = "ratio", From = from, To = to },
            new() { Name = "seasonal_fit_r2", Value = Round(a.Seasonal.R2), Detail = Text.F($"daily-pattern shift {Text.N(a.Seasonal.ShiftHours, 1)} h, coefficient {Text.N(a.Seasonal.Coefficient)}") },
            new() { Name = "seasonal_fit_around_r2", Value = Round(a.DaySeasonal.R2), Detail = Text.F($"the day up to the window's end or from its start, less a straight line: daily-pattern shift {Text.N(a.DaySeasonal.ShiftHours, 1)} h, coefficient {Text.N(a.DaySeasonal.Coefficient)}, {Text.N(a.DaySeasonal.Sigmas, 1)} sigma rms") },
            new() { Name = "drift_sigmas", Value = Round(a.Drift.Sigmas), Unit = "sigma", From = Text.At(a.Drift.StartMs), To = Text.At(a.Drift.EndMs), Detail = Text.F($"height of the best ramp from a day and a half before the window; it fits {Text.N(a.Drift.Improvement, 1)} sigma² better than a step") },
            new() { Name = "direction", Detail = Direction(a), From = from, To = to },
            new() { Name = "missing_points", Value = a.MissingPoints, Unit = "points", From = a.MissingPoints > 0 ? Text.At(a.GapFromMs) : null, To = a.MissingPoints > 0 ? Text.At(a.GapToMs) : null },
        };
        return new Finding
        {
            Agent = Name,
            AgentVersion = Version,
            Source = FindingSources.Offline,
            Claim = claim,
            Pattern = a.Pattern,
            Evidence = evidence,
            Confidence = Text.Confidence(a.Strength),
            Severity = Text.Severity(a.Strength, a.Pattern is Patterns.LevelShift or Patterns.TrendChange or Patterns.MissingData ? 1 : 0),
        };
    }

    /// <summary>Which way the named change went: the drift's sign for a trend named from its surroundings, the shift's for a level shift or trend, else the peak's.</summary>
    private static string Direction(WindowAnalysis a)
    {
        double sign = a.Pattern switch
        {
            Patterns.TrendChange when a.FromSurroundings => a.Drift.Sigmas,
            Patterns.LevelShift or Patterns.TrendChange => a.ShiftSigmas,
            _ => a.PeakZ,
        };
        return sign < 0 ? "down" : "up";
    }

    private static string SeasonalClaim(string metric, DailyShape d, string of) => d.ShiftHours == 0
        ? Text.F($"{metric}'s daily pattern changed: the residual is {Text.N(d.Coefficient)} × the usual daily shape ({(d.Coefficient < -1.5 ? "inverted" : d.Coefficient < 0 ? "flattened" : "amplified")}), {Text.N(d.Sigmas, 1)} sigma rms, explaining {Text.N(100 * d.R2, 0)}% of {of}.")
        : Text.F($"{metric}'s daily pattern runs {Text.N(Math.Abs(d.ShiftHours), 1)} h {(d.ShiftHours > 0 ? "late" : "early")}, explaining {Text.N(100 * d.R2, 0)}% of {of}.");

    private static double? Round(double v) => double.IsNaN(v) || double.IsInfinity(v) ? null : Math.Round(v, 4);
}
