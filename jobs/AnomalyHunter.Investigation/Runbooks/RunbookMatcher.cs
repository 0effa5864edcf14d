using System.Globalization;
using System.Text.RegularExpressions;
using AnomalyHunter.Investigation.Verdicts;

namespace AnomalyHunter.Investigation.Runbooks;

/// <summary>
/// Ranks runbooks for a verdict. A runbook applies when every condition it states holds; its match is the sum of the
/// weights of the conditions it states (pattern 0.35, metric 0.35, labels 0.1, severity 0.1, direction 0.1; a runbook
/// without conditions has 0.05), so specific runbooks rank above generic ones. Score = 0.7 × match + 0.3 × past success.
/// </summary>
public static class RunbookMatcher
{
    private const double PatternWeight = 0.35;
    private const double MetricWeight = 0.35;
    private const double OtherWeight = 0.1;
    private const double GenericMatch = 0.05;
    private const double MatchShare = 0.7;

    /// <summary>The applicable runbooks, best first, at most <paramref name="limit"/>.</summary>
    public static IReadOnlyList<RunbookSuggestion> Rank(
        RunbookLibrary library,
        RunbookSubject subject,
        IReadOnlyDictionary<string, RunbookOutcome> outcomes,
        int limit)
    {
        var list = new List<RunbookSuggestion>();
        foreach (var rb in library.Runbooks)
        {
            double? match = Match(rb.Match, subject);
            if (match is not double m)
            {
                continue;
            }

            double success = outcomes.GetValueOrDefault(rb.Id)?.SuccessRate ?? 0.5;
            double score = Math.Round((MatchShare * m) + ((1 - MatchShare) * success), 4);
            list.Add(new RunbookSuggestion(rb.Id, rb.Title, Math.Round(m, 4), Math.Round(success, 4), score, [.. rb.Steps.Select(v => Fill(v, subject))], [.. rb.Verify.Select(v => Fill(v, subject))]));
        }

        return [.. list.OrderByDescending(s => s.Score).ThenBy(s => s.Id, StringComparer.Ordinal).Take(limit)];
    }

    private static double? Match(RunbookMatch m, RunbookSubject s)
    {
        double score = 0;
        if (m.Patterns.Count > 0)
        {
            if (!m.Patterns.Contains(s.Pattern, StringComparer.Ordinal))
            {
                return null;
            }

            score += PatternWeight;
        }

        if (m.Metrics.Count > 0)
        {
            if (!m.Metrics.Any(g => Glob(g, s.Key.Metric)))
            {
                return null;
            }

            score += MetricWeight;
        }

        if (m.Labels.Count > 0)
        {
            if (!m.Labels.All(l => s.Key.Label(l.Key) is string v && Glob(l.Value, v)))
            {
                return null;
            }

            score += OtherWeight;
        }

        if (m.MinSeverity > 1 || m.MaxSeverity < 10)
        {
            if (s.Severity < m.MinSeverity || s.Severity > m.MaxSeverity)
            {
                return null;
            }

            score += OtherWeight;
        }

        if (m.Direction != "any")
        {
            if (m.Direction != s.Direction)
            {
                return null;
            }

            score += OtherWeight;
        }

        return score == 0 ? GenericMatch : score;
    }

    private static bool Glob(string pattern, string value) =>
        Regex.IsMatch(value, "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static string Fill(string template, RunbookSubject s)
    {
        string text = template
            .Replace("{series}", s.Key.Canonical, StringComparison.Ordinal)
            .Replace("{metric}", s.Key.Metric, StringComparison.Ordinal)
            .Replace("{tenant}", s.Key.Tenant, StringComparison.Ordinal)
            .Replace("{region}", s.Key.Region, StringComparison.Ordinal)
            .Replace("{start}", Iso(s.StartMs), StringComparison.Ordinal)
            .Replace("{end}", Iso(s.EndMs), StringComparison.Ordinal);
        foreach (var (name, value) in s.Key.Labels)
        {
            text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return text;
    }

    private static string Iso(long ms) =>
        DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
