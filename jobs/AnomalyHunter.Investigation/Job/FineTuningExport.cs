using System.Text;
using System.Text.Json;
using AnomalyHunter.Investigation.Findings;
using AnomalyHunter.Investigation.Llm;
using AnomalyHunter.Lakehouse.Catalog.Investigation;
using AnomalyHunter.Lakehouse.Model;

namespace AnomalyHunter.Investigation.Job;

/// <summary>
/// Writes fine-tuning data in OpenAI's chat JSONL format from confirmed verdicts (whose latest feedback is <c>correct</c>):
/// one line per verdict with a system message, the evidence as the user message, and the verdict as the assistant's answer.
/// Identifying label values are pseudonymised as in model requests.
/// </summary>
public static class FineTuningExport
{
    /// <summary>The system message of every example.</summary>
    public const string SystemMessage =
        "You combine the findings of three anomaly-investigation agents into a verdict: decision (anomaly or noise), pattern, severity 1-10 and a one-paragraph explanation that cites the evidence.";

    /// <summary>Writes the examples to <paramref name="output"/> and returns how many were written.</summary>
    public static async Task<int> WriteAsync(IInvestigationStore store, Redactor redactor, Stream output, CancellationToken cancellationToken)
    {
        var latest = (await store.ListFeedbackAsync(null, cancellationToken))
            .GroupBy(f => f.VerdictId, StringComparer.Ordinal)
            .Select(g => g.MaxBy(f => f.FeedbackId)!)
            .Where(f => f.Verdict == "correct")
            .OrderBy(f => f.FeedbackId)
            .ToList();
        int written = 0;
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        foreach (var f in latest)
        {
            var record = await store.GetVerdictAsync(f.VerdictId, cancellationToken);
            if (record is null)
            {
                continue;
            }

            var v = VerdictRecords.FromRecord(record);
            var user = new
            {
                series = v.Series,
                window = v.Window,
                findings = v.Findings.Select(x => new { x.Agent, x.Claim, x.Pattern, x.Evidence, x.Confidence, x.Severity, x.Suspects }),
            };
            var assistant = new { decision = v.Decision, pattern = v.Pattern, severity = v.Severity, explanation = v.Explanation };
            var keys = new[] { SeriesKeyOf(v.Series, v.Tenant, v.Region, v.Metric) };
            var line = new
            {
                messages = new object[]
                {
                    new { role = "system", content = SystemMessage },
                    new { role = "user", content = redactor.RedactText(JsonSerializer.Serialize(user, FindingJson.Options), keys) },
                    new { role = "assistant", content = redactor.RedactText(JsonSerializer.Serialize(assistant, FindingJson.Options), keys) },
                },
            };
            await writer.WriteLineAsync(JsonSerializer.Serialize(line, FindingJson.Options).AsMemory(), cancellationToken);
            written++;
        }

        await writer.FlushAsync(cancellationToken);
        return written;
    }

    // The canonical key holds every label as name="value"; parse it back so that identifying values can be pseudonymised.
    private static SeriesKey SeriesKeyOf(string canonical, string tenant, string region, string metric)
    {
        var labels = new List<KeyValuePair<string, string>>();
        int open = canonical.IndexOf('{', StringComparison.Ordinal);
        if (open >= 0)
        {
            foreach (string part in canonical[(open + 1)..^1].Split("\",", StringSplitOptions.RemoveEmptyEntries))
            {
                int eq = part.IndexOf("=\"", StringComparison.Ordinal);
                if (eq > 0)
                {
                    string name = part[..eq];
                    string value = part[(eq + 2)..].TrimEnd('"');
                    if (name is not ("tenant" or "region"))
                    {
                        labels.Add(new(name, value));
                    }
                }
            }
        }

        return new SeriesKey(tenant, region, metric, labels);
    }
}
