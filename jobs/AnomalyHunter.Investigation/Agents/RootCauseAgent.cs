using AnomalyHunter.Investigation.Context;
using AnomalyHunter.Investigation.Findings;
using AnomalyHunter.Investigation.Statistics;

namespace AnomalyHunter.Investigation.Agents;

/// <summary>
/// Offline root-cause agent: finds the related series that moved with the candidate (a significant shift of seasonally
/// adjusted deviations, bracketed by a rise into the window and a fall after it), orders them by onset so that the series that
/// moved first with a change whose onset is resolved ranks first (onsets within half a step are tied and the larger change
/// leads; the candidate itself only when its own change is significant), tests whether its past predicts the
/// candidate (Granger-style F test where the history allows) and lets a clearly larger change lead over a weak first mover
/// (one whose past does not predict the candidate, or one less than a step ahead of a change half as large again), adds the
/// PCA pass's per-series contributions when the window carries them, and lists events from the events file that precede it.
/// </summary>
public sealed class RootCauseAgent : IInvestigationAgent
{
    /// <summary>Version of the logic; bump when findings change.</summary>
    public const string LogicVersion = "offline-1.3";

    private const long HourMs = 3_600_000;
    private const double MinExcursionSigmas = 1.25;
    private const double MinShiftT = 4.0;
    private const double MinBracketZ = 4.0;
    private const double OnsetTieSteps = 0.5;
    private const double MaxLeaderGrangerP = 0.05;
    private const double MinOvertakeRatio = 1.25;
    private const double NearOnsetSteps = 1.0;
    private const double MinNearOvertakeRatio = 1.5;
    // why: t²/2 is the log-likelihood of a placement, so a drop of 4 toward the early end is odds of e² against an earlier start.
    private const double MinEarlyFalloffT2 = 4.0;
    private const double IncidentShiftT = 6.0;
    private const int MinIncidentPeers = 2;
    private const int MinPlateauPoints = 6;
    private const int EdgePoints = 6;
    private const long BaselineMs = 2 * HourMs;
    private const int GrangerLags = 2;
    private readonly AgentOptions _options;

    /// <summary>Creates the agent.</summary>
    public RootCauseAgent(AgentOptions options)
    {
        options.Validate();
        _options = options;
    }

    /// <inheritdoc />
    public string Name => AgentNames.RootCause;

    /// <inheritdoc />
    public string Version => LogicVersion;

    /// <inheritdoc />
    public Task<Finding> InvestigateAsync(InvestigationContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var ranking = Rank(context);
        var evidence = new List<EvidenceItem>();
        long s = context.Anomaly.StartTsMs;
        foreach (var m in ranking.Movers)
        {
            evidence.Add(new EvidenceItem
            {
                Name = m.IsTarget ? "candidate_series" : "co_moving_series",
                Series = m.Key,
                Value = Math.Round(m.LeadSteps * ranking.StepMs / 60_000.0, 2),
                Unit = "minutes_after_first_mover",
                Detail = Text.F($"moved {Text.N(m.Excursion, 1)} sigma (t = {Text.N(m.Correlation, 1)}) {m.LagToTarget} steps from the candidate's start; onset uncertainty {Text.N(m.OnsetUncertainty, 1)} steps"),
                From = Text.At(s + (long)(m.Onset * ranking.StepMs)),
                To = Text.At(context.Anomaly.EndTsMs + (m.LagToTarget * ranking.StepMs)),
            });
            if (!double.IsNaN(m.GrangerP))
            {
                evidence.Add(new EvidenceItem
                {
                    Name = "granger_p_value",
                    Series = m.Key,
                    Value = Math.Round(m.GrangerP, 6),
                    Detail = Text.F($"does this series' past predict the candidate's? F = {Text.N(m.GrangerF)}, {GrangerLags} lags"),
                });
            }
        }

        if (context.PcaContributions is { Count: > 0 } pca)
        {
            var keys = context.Peers.Append(context.Target).ToDictionary(p => p.SeriesId, p => p.Key.Canonical);
            foreach (var (id, share) in pca.OrderByDescending(p => p.Value).Take(5))
            {
                evidence.Add(new EvidenceItem { Name = "pca_contribution", Series = keys.GetValueOrDefault(id, id.ToString(System.Globalization.CultureInfo.InvariantCulture)), Value = Math.Round(share, 4), Unit = "share" });
            }
        }

        foreach (var e in ranking.Events)
        {
            evidence.Add(new EvidenceItem
            {
                Name = "preceding_event",
                Value = Math.Round((s - e.TimeMs) / 60_000.0, 1),
                Unit = "minutes_before_window",
                From = Text.At(e.TimeMs),
                To = Text.At(e.TimeMs),
                Detail = e.Kind + ": " + e.Description,
            });
        }

        int group = ranking.Movers.Count;
        string origin = ranking.Suspects.Count > 0 ? ranking.Suspects[0] : context.Target.Key.Canonical;
        string claim = group >= 2
            ? Text.F($"{group} related series moved together; {origin} moved first ({Text.N(ranking.Movers.Max(m => m.LeadSteps) * ranking.StepMs / 60_000.0, 0)} min ahead of the last).")
            : ranking.Events.Count > 0
                ? Text.F($"No related series moved with it; {ranking.Events[^1].Kind} '{ranking.Events[^1].Description}' preceded the window by {Text.N((s - ranking.Events[^1].TimeMs) / 60_000.0, 0)} min.")
                : Text.F($"No related series among {context.Peers.Count} moved with it and no event preceded it; the cause looks local to {context.Target.Key.Metric}.");
        // why: residual errors of the seasonal baseline are shared by series of one host or service, so a weak co-mover is weak evidence; an incident needs two strong ones (t ≥ 6).
        int strong = ranking.Movers.Count(m => !m.IsTarget && Math.Abs(m.Correlation) >= IncidentShiftT);
        bool incident = strong >= MinIncidentPeers;
        double confidence = incident ? 0.55 + (0.1 * Math.Min(3, strong - 1)) : 0.45;
        confidence += ranking.Events.Count > 0 ? 0.05 : 0;
        return Task.FromResult(new Finding
        {
            Agent = Name,
            AgentVersion = Version,
            Source = FindingSources.Offline,
            Claim = claim,
            Pattern = incident ? Patterns.CorrelatedIncident : null,
            Evidence = evidence,
            Confidence = Math.Round(Math.Clamp(confidence, 0.01, 0.99), 4),
            Severity = Math.Clamp(2 + (2 * Math.Min(4, group - 1)) + (ranking.Events.Count > 0 ? 1 : 0), 1, 10),
            Suspects = ranking.Suspects,
        });
    }

    internal RootCauseRanking Rank(InvestigationContext context)
    {
        var target = context.Target;
        long step = target.Points.StepMs();
        long s = context.Anomaly.StartTsMs;
        long e = Math.Min(context.Anomaly.EndTsMs, s + (24 * HourMs));
        int maxLag = _options.MaxLagPoints;
        int plateau = (int)Math.Max(MinPlateauPoints, ((e - s) / step) + 1);
        int baseline = (int)(BaselineMs / step);
        long from = s - BaselineMs - ((maxLag + EdgePoints) * step);
        long to = e + ((maxLag + EdgePoints + 1) * step);
        var series = new List<SeriesContext> { target };
        series.AddRange(context.Peers.Where(p => p.SeriesId != target.SeriesId));
        var movers = new List<RootCauseMover>();
        foreach (var sc in series)
        {
            var shift = LagScan.Scan(sc.Points, from, to, s, step, plateau, baseline, maxLag, EdgePoints);
            bool isTarget = sc.SeriesId == target.SeriesId;
            // why: a series moved with the candidate when its shift is significant and bracketed, i.e. it rose into the window and came back after it;
            // a level shift of its own (no way back) or a wander already under way before the window is not a co-mover, however large its t.
            // Prewhitening leaves a slow series (ρ near 1) only the edges of a step, so a clear step can fall short of t = 4; its bracket
            // against the same bracket at every placement of its own two days before is the check that needs no noise model.
            bool significant = Math.Abs(shift.T) >= MinShiftT || shift.BracketZ >= MinBracketZ;
            bool moved = significant && shift.BracketSigmas >= MinExcursionSigmas;
            if (isTarget || moved)
            {
                // why: a candidate that barely moved has an onset fitted to noise, and a shift whose fit stays as good at the early end of the range may have begun before it; neither may be named the first mover.
                bool canLead = moved && shift.EarlyFalloff >= MinEarlyFalloffT2;
                movers.Add(new RootCauseMover(sc.SeriesId, sc.Key.Canonical, shift.Lag, shift.T, shift.BracketSigmas, shift.Onset, shift.OnsetUncertainty, double.NaN, double.NaN, isTarget, canLead));
            }
        }

        if (movers.Count >= 2)
        {
            var full = SeriesGrid(context, step);
            movers = [.. movers.Select(m => m.IsTarget ? m : WithGranger(m, full))];
        }

        var pca = context.PcaContributions;
        var ordered = movers
            .OrderBy(m => !m.CanLead)
            .ThenBy(m => m.Onset)
            .ThenByDescending(m => pca is not null && pca.TryGetValue(m.SeriesId, out double c) ? c : 0)
            .ThenByDescending(m => m.Excursion)
            .ThenBy(m => m.Key, StringComparer.Ordinal)
            .ToList();
        if (ordered.Count >= 2 && ordered[0].CanLead)
        {
            // why: onsets are uncertain by about a step for the weaker movers, so leaders within half a step of the earliest are tied;
            // the larger bracketed change has the better-resolved onset and leads.
            double tie = ordered[0].Onset + OnsetTieSteps;
            var lead = ordered.Where(m => m.CanLead && m.Onset <= tie).MaxBy(m => m.Excursion)!;
            MoveToFront(ordered, lead);
            Overtake(ordered);
        }

        int first = ordered.Count == 0 ? 0 : (int)Math.Floor(ordered[0].Onset);
        ordered = [.. ordered.Select(m => m with { LeadSteps = Math.Max(0, (int)Math.Round(m.Onset - first)) })];
        var events = PrecedingEvents(context);
        var suspects = new List<string>();
        suspects.AddRange(ordered.Select(m => m.Key));
        if (ordered.Count < 2)
        {
            // why: with nothing else moving, an event that preceded the window is the best lead; otherwise the first mover stays first.
            suspects.InsertRange(0, events.Select(ev => Text.F($"event:{ev.Kind}@{Text.Time(ev.TimeMs)}")));
        }
        else
        {
            suspects.AddRange(events.Select(ev => Text.F($"event:{ev.Kind}@{Text.Time(ev.TimeMs)}")));
        }

        return new RootCauseRanking(step, ordered, events, suspects);
    }

    // why: a series outside the incident often shows a weak shift fitted a few steps before the origin's; its past does not
    // predict the candidate, the origin's does, and the origin's change is the largest. So a first mover without Granger
    // evidence (p ≥ 0.05, or none: the candidate has no test of its own) gives way to the largest leader-capable change that
    // has it and is at least 1.25 times its size. Used as a gate alone, the test lost incidents whose candidate led.
    private static void Overtake(List<RootCauseMover> ordered)
    {
        var first = ordered[0];
        // NaN p-values (the candidate, or too short a history) compare false and never overtake.
        var overtaker = first.GrangerP < MaxLeaderGrangerP ? null : ordered
            .Where(m => m.CanLead && m.GrangerP < MaxLeaderGrangerP && m.Excursion >= MinOvertakeRatio * first.Excursion)
            .MaxBy(m => m.Excursion);
        if (overtaker is not null)
        {
            MoveToFront(ordered, overtaker);
            first = overtaker;
        }

        // why: a weak mover's onset is uncertain by about a step, so a change half as large again that starts within a step of it
        // is as likely to have started first, and the origin's change is the largest. The candidate's own size is not evidence
        // here: it was picked because its change looked large (its bracket is biased up by that choice).
        var larger = ordered
            .Where(m => m.CanLead && !m.IsTarget && m.Onset <= first.Onset + NearOnsetSteps && m.Excursion >= MinNearOvertakeRatio * first.Excursion)
            .MaxBy(m => m.Excursion);
        if (larger is not null)
        {
            MoveToFront(ordered, larger);
        }
    }

    private static void MoveToFront(List<RootCauseMover> ordered, RootCauseMover m)
    {
        ordered.Remove(m);
        ordered.Insert(0, m);
    }

    private RootCauseMover WithGranger(RootCauseMover m, Dictionary<long, double[]> full)
    {
        if (!full.TryGetValue(m.SeriesId, out var x) || !full.TryGetValue(-1, out var y))
        {
            return m;
        }

        var (f, p, _) = GrangerTest.Run(x, y, GrangerLags);
        return m with { GrangerF = f, GrangerP = p };
    }

    // The z-grids over the two days before the window and the window itself (-1 is the target), for the Granger test.
    private static Dictionary<long, double[]> SeriesGrid(InvestigationContext context, long step)
    {
        long s = context.Anomaly.StartTsMs;
        long from = s - (2 * 24 * HourMs);
        long to = Math.Min(context.Anomaly.EndTsMs, s + (24 * HourMs));
        int n = (int)((to - from) / step) + 1;
        var map = new Dictionary<long, double[]> { [-1] = Signal(context.Target, from, to, step, n, s, to, true).Z };
        foreach (var p in context.Peers)
        {
            map[p.SeriesId] = Signal(p, from, to, step, n, s, to, false).Z;
        }

        return map;
    }

    private static PeerSignal Signal(SeriesContext series, long from, long to, long step, int n, long excursionFrom, long excursionTo, bool isTarget)
    {
        var r = SeasonalBaseline.Residuals(series.Points, from, to, Math.Min(excursionFrom + HourMs, to), 2 * 24 * HourMs);
        var raw = new double[n];
        Array.Fill(raw, double.NaN);
        for (int i = 0; i < r.Count; i++)
        {
            long k = (r.TimestampsMs[i] - from) / step;
            if (k >= 0 && k < n && (r.TimestampsMs[i] - from) % step == 0)
            {
                raw[k] = r.Z(i);
            }
        }

        var z = new double[n];
        double excursion = 0;
        for (int i = 0; i < n; i++)
        {
            double sum = 0;
            int c = 0;
            for (int j = Math.Max(0, i - 1); j <= Math.Min(n - 1, i + 1); j++)
            {
                if (!double.IsNaN(raw[j]))
                {
                    sum += raw[j];
                    c++;
                }
            }

            z[i] = c == 0 ? double.NaN : sum / c;
            long t = from + (i * step);
            if (t >= excursionFrom && t <= excursionTo && !double.IsNaN(z[i]))
            {
                excursion = Math.Max(excursion, Math.Abs(z[i]));
            }
        }

        return new PeerSignal(series.SeriesId, series.Key.Canonical, z, excursion, isTarget);
    }

    private List<ChangeEvent> PrecedingEvents(InvestigationContext context)
    {
        long s = context.Anomaly.StartTsMs;
        long from = s - (long)(_options.EventLookbackHours * HourMs);
        var key = context.Target.Key;
        return [.. context.Events.Where(ev => ev.TimeMs >= from && ev.TimeMs <= s && ev.Labels.All(l => key.Label(l.Key) == l.Value))];
    }
}
