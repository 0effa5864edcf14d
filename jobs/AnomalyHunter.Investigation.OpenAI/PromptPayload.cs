using System.Text.Json;
using AnomalyHunter.Investigation.Agents;
using AnomalyHunter.Investigation.Context;
using AnomalyHunter.Investigation.Findings;
using AnomalyHunter.Investigation.Llm;

namespace AnomalyHunter.Investigation.OpenAI;

/// <summary>
/// The user message sent to a model: the window, statistics before/during/after it, the offline finding, the related
/// series' keys and preceding events; raw points only when the policy allows. Identifying label values are pseudonymised.
/// </summary>
internal static class PromptPayload
{
    private const long DayMs = 86_400_000;
    private const int MaxPeerKeys = 30;

    public static string Build(InvestigationContext context, Finding offline, Redactor redactor)
    {
        var a = context.Anomaly;
        var p = context.Target.Points;
        var payload = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["agent"] = offline.Agent,
            ["series"] = context.Target.Key.Canonical,
            ["metric"] = context.Target.Key.Metric,
            ["window"] = new
            {
                start = Iso(a.StartTsMs),
                end = Iso(a.EndTsMs),
                peak = Iso(a.PeakTsMs),
                peak_score = a.PeakScore,
                points = a.PointCount,
                passes = a.Passes,
            },
            ["summary"] = new
            {
                before = Stats(p, a.StartTsMs - DayMs, a.StartTsMs - 1),
                during = Stats(p, a.StartTsMs, a.EndTsMs),
                after = Stats(p, a.EndTsMs + 1, a.EndTsMs + DayMs),
            },
            ["offline_finding"] = new
            {
                claim = offline.Claim,
                pattern = offline.Pattern,
                evidence = offline.Evidence,
                confidence = offline.Confidence,
                severity = offline.Severity,
                suspects = offline.Suspects,
            },
        };
        if (offline.Agent == AgentNames.RootCause)
        {
            payload["related_series"] = context.Peers.Take(MaxPeerKeys).Select(s => s.Key.Canonical).ToArray();
            payload["events"] = context.Events
                .Where(e => e.TimeMs <= a.StartTsMs && e.TimeMs >= a.StartTsMs - DayMs)
                .Select(e => new { time = Iso(e.TimeMs), kind = e.Kind, description = e.Description })
                .ToArray();
        }

        if (redactor.Policy.SendRawPoints)
        {
            int s = p.IndexAtOrAfter(a.StartTsMs - ((a.EndTsMs - a.StartTsMs) + (12 * 3_600_000L)));
            int e = Math.Min(p.Count, s + redactor.Policy.MaxRawPoints);
            payload["raw_points"] = Enumerable.Range(s, Math.Max(0, e - s)).Select(i => new object[] { Iso(p.TimestampsMs[i]), p.Values[i] }).ToArray();
        }

        string json = JsonSerializer.Serialize(payload, FindingJson.Options);
        return redactor.RedactText(json, context.Peers.Select(x => x.Key).Prepend(context.Target.Key));
    }

    private static object Stats(SeriesPoints p, long from, long to)
    {
        int s = p.IndexAtOrAfter(from), e = p.IndexAtOrAfter(to + 1);
        var span = p.Values.AsSpan(s, Math.Max(0, e - s));
        if (span.Length == 0)
        {
            return new { n = 0 };
        }

        double min = double.MaxValue, max = double.MinValue;
        foreach (double v in span)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        return new
        {
            n = span.Length,
            from = Iso(from),
            to = Iso(to),
            mean = Round(Statistics.Robust.Mean(span)),
            median = Round(Statistics.Robust.Median(span)),
            sd = Round(Statistics.Robust.StandardDeviation(span)),
            min = Round(min),
            max = Round(max),
        };
    }

    private static double? Round(double v) => double.IsNaN(v) || double.IsInfinity(v) ? null : Math.Round(v, 6);

    private static string Iso(long ms) => Text.At(ms).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
