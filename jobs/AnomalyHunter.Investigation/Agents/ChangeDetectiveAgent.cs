using AnomalyHunter.Investigation.Context;
using AnomalyHunter.Investigation.Findings;
using AnomalyHunter.Investigation.Statistics;

namespace AnomalyHunter.Investigation.Agents;

/// <summary>
/// Offline change detective: the change point (best step, and best ramp when that fits better), statistics before and
/// after it, whether the change persists or the series has recovered (and when), and the drift of daily medians over the
/// history before the window.
/// </summary>
public sealed class ChangeDetectiveAgent : IInvestigationAgent
{
    /// <summary>Version of the logic; bump when findings change.</summary>
    public const string LogicVersion = "offline-1.1";

    private const long DayMs = SeasonalBaseline.DayMs;
    private const int RecoveryPoints = 3;
    private readonly AgentOptions _options;

    /// <summary>Creates the agent.</summary>
    public ChangeDetectiveAgent(AgentOptions options)
    {
        options.Validate();
        _options = options;
    }

    /// <inheritdoc />
    public string Name => AgentNames.ChangeDetective;

    /// <inheritdoc />
    public string Version => LogicVersion;

    /// <inheritdoc />
    public Task<Finding> InvestigateAsync(InvestigationContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var p = context.Target.Points;
        var a = WindowAnalyzer.Analyze(p, context.Anomaly.StartTsMs, context.Anomaly.EndTsMs, _options);
        var r = a.Residuals;
        long changeMs = a.Pattern == Patterns.TrendChange ? a.Change.RampStartMs : a.Change.StepMs;
        if (a.Change.Points == 0 || changeMs < a.StartMs - DayMs)
        {
            changeMs = a.StartMs;
        }

        var before = Stats(p, changeMs - DayMs, changeMs - 1);
        var after = Stats(p, changeMs, Math.Min(changeMs + DayMs, a.EndMs + DayMs));
        long? recoveredMs = Recovery(r, a.PeakMs, a.EndMs);
        bool persists = a.PostAvailable && Math.Abs(a.ShiftSigmas) >= _options.ShiftSigmas;
        double driftPerWeek = DriftPercentPerWeek(p, a.StartMs);
        double varianceStrength = 2.5 * a.VarianceRatio;
        double strength = Math.Max(Math.Max(1.5 * Math.Abs(a.ShiftSigmas), Math.Abs(a.PeakZ) * 0.9), a.VarianceRatio >= _options.VarianceRatio ? varianceStrength : 0);
        if (a.Pattern == Patterns.MissingData || a.Pattern == Patterns.SeasonalityBreak)
        {
            strength = Math.Max(strength, a.Strength);
        }

        string state = persists
            ? Text.F($"persists {Text.N(Math.Abs(a.ShiftSigmas), 1)} sigma {(a.ShiftSigmas > 0 ? "above" : "below")} the earlier level")
            : recoveredMs is long rec
                ? Text.F($"recovered at {Text.Time(rec)}, {Text.N((rec - a.PeakMs) / 60_000.0, 0)} min after the peak")
                : a.PostAvailable ? "has not recovered yet" : "cannot be judged yet (no data after the window)";
        string claim = Text.F($"{context.Target.Key.Metric} changed at {Text.Time(changeMs)}: mean {Text.N(before.Mean, 3)} → {Text.N(after.Mean, 3)}, sd {Text.N(before.Sd, 3)} → {Text.N(after.Sd, 3)}; the change {state}.");
        var evidence = new List<EvidenceItem>
        {
            new() { Name = "change_point", From = Text.At(changeMs), To = Text.At(changeMs), Detail = a.Pattern == Patterns.TrendChange ? "start of the best-fitting ramp" : "best-fitting step" },
            new() { Name = "mean_before", Value = R(before.Mean), From = Text.At(changeMs - DayMs), To = Text.At(changeMs) },
            new() { Name = "mean_after", Value = R(after.Mean), From = Text.At(changeMs), To = Text.At(changeMs + DayMs) },
            new() { Name = "sd_before", Value = R(before.Sd), From = Text.At(changeMs - DayMs), To = Text.At(changeMs) },
            new() { Name = "sd_after", Value = R(after.Sd), From = Text.At(changeMs), To = Text.At(changeMs + DayMs) },
            new() { Name = "shift_sigmas", Value = R(a.ShiftSigmas), Unit = "sigma", Detail = "after minus before, seasonally adjusted" },
            new() { Name = "persists", Value = persists ? 1 : 0, Detail = state },
            new() { Name = "ramp_improvement", Value = R(a.RampImprovement), Unit = "sigma^2", From = Text.At(a.Change.RampStartMs), To = Text.At(a.Change.RampEndMs), Detail = "how much better a ramp fits than a step" },
            new() { Name = "drift_percent_per_week", Value = R(driftPerWeek), Unit = "percent", Detail = "Theil-Sen slope of daily medians over the history before the window" },
        };
        if (recoveredMs is long recovered)
        {
            evidence.Add(new EvidenceItem { Name = "recovered_at", From = Text.At(recovered), To = Text.At(recovered) });
        }

        return Task.FromResult(new Finding
        {
            Agent = Name,
            AgentVersion = Version,
            Source = FindingSources.Offline,
            Claim = claim,
            Pattern = persists ? (a.Pattern == Patterns.TrendChange ? Patterns.TrendChange : Patterns.LevelShift) : null,
            Evidence = evidence,
            Confidence = Text.Confidence(strength),
            Severity = Text.Severity(strength, persists ? 1 : 0),
        });
    }

    private static (double Mean, double Sd, int N) Stats(SeriesPoints p, long fromMs, long toMs)
    {
        int s = p.IndexAtOrAfter(fromMs), e = p.IndexAtOrAfter(toMs + 1);
        var span = p.Values.AsSpan(s, Math.Max(0, e - s));
        return (Robust.Mean(span), Robust.StandardDeviation(span), span.Length);
    }

    private static long? Recovery(ResidualSeries r, long peakMs, long endMs)
    {
        var (s, e) = r.Range(peakMs, long.MaxValue);
        int calm = 0;
        for (int i = s; i < e; i++)
        {
            calm = Math.Abs(r.Z(i)) < 1 ? calm + 1 : 0;
            if (calm >= RecoveryPoints && r.TimestampsMs[i] > endMs)
            {
                return r.TimestampsMs[i - RecoveryPoints + 1];
            }
        }

        return null;
    }

    private static double DriftPercentPerWeek(SeriesPoints p, long beforeMs)
    {
        var days = new List<double>();
        var medians = new List<double>();
        for (int d = 21; d >= 1; d--)
        {
            long from = beforeMs - (d * DayMs);
            int s = p.IndexAtOrAfter(from), e = p.IndexAtOrAfter(from + DayMs);
            if (e - s >= 12)
            {
                days.Add(-d);
                medians.Add(Robust.Median(p.Values.AsSpan(s, e - s)));
            }
        }

        double level = Robust.Median(medians.ToArray());
        if (days.Count < 3 || double.IsNaN(level) || level == 0)
        {
            return double.NaN;
        }

        return 100 * 7 * Robust.TheilSenSlope(days.ToArray(), medians.ToArray()) / Math.Abs(level);
    }

    private static double? R(double v) => double.IsNaN(v) || double.IsInfinity(v) ? null : Math.Round(v, 4);
}
