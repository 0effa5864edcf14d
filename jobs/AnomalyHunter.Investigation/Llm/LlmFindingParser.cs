using System.Text.Json;
using AnomalyHunter.Investigation.Findings;

namespace AnomalyHunter.Investigation.Llm;

/// <summary>Reads a model's structured answer (the finding JSON schema) and checks it; throws <see cref="FormatException"/> when it is malformed.</summary>
public static class LlmFindingParser
{
    /// <summary>The finding parts of <paramref name="json"/>, applied to <paramref name="template"/> (agent, version and source fields).</summary>
    public static Finding Parse(string json, Finding template)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            string claim = root.GetProperty("claim").GetString() ?? string.Empty;
            if (claim.Length == 0)
            {
                throw new FormatException("the claim is empty");
            }

            string? pattern = root.TryGetProperty("pattern", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
            if (pattern is not null && !Patterns.All.Contains(pattern, StringComparer.Ordinal))
            {
                throw new FormatException($"pattern '{pattern}' is not in the vocabulary");
            }

            double confidence = root.GetProperty("confidence").GetDouble();
            int severity = root.GetProperty("severity").GetInt32();
            if (confidence is < 0 or > 1 || double.IsNaN(confidence) || severity is < 1 or > 10)
            {
                throw new FormatException($"confidence {confidence} or severity {severity} is out of range");
            }

            var evidence = root.GetProperty("evidence").Deserialize<List<EvidenceItem>>(FindingJson.Options) ?? [];
            var suspects = root.TryGetProperty("suspects", out var s) ? s.Deserialize<List<string>>(FindingJson.Options) ?? [] : [];
            return template with
            {
                Claim = claim,
                Pattern = pattern,
                Evidence = evidence,
                Confidence = confidence,
                Severity = severity,
                Suspects = suspects,
            };
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new FormatException("The model's answer does not follow the finding schema: " + ex.Message, ex);
        }
    }
}
