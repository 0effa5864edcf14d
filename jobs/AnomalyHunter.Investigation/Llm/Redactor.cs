using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using AnomalyHunter.Lakehouse.Model;

namespace AnomalyHunter.Investigation.Llm;

/// <summary>
/// Pseudonymises identifying label values consistently: the same value always gets the same pseudonym
/// (<c>host-3f9a1c07e2</c>, an HMAC of label and value), and every pseudonym handed out can be mapped back in answers.
/// </summary>
public sealed class Redactor
{
    private const string FixedKey = "anomaly-hunter/redaction/v1";
    private readonly byte[] _key;
    private readonly HashSet<string> _labels;
    private readonly ConcurrentDictionary<string, string> _back = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _forward = new(StringComparer.Ordinal);

    /// <summary>Creates the redactor for a policy.</summary>
    public Redactor(RedactionPolicy policy)
    {
        Policy = policy;
        _key = Encoding.UTF8.GetBytes(string.IsNullOrEmpty(policy.PseudonymKey) ? FixedKey : policy.PseudonymKey);
        _labels = new HashSet<string>(policy.IdentifyingLabels, StringComparer.Ordinal);
    }

    /// <summary>The policy.</summary>
    public RedactionPolicy Policy { get; }

    /// <summary>The pseudonym of a label's value (the value itself when the label is not identifying).</summary>
    public string Pseudonym(string label, string value)
    {
        if (!_labels.Contains(label) || value.Length == 0)
        {
            return value;
        }

        return _forward.GetOrAdd(label + "\u0001" + value, _ =>
        {
            string p = label + "-" + Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(label + "=" + value)))[..10];
            _back[p] = value;
            return p;
        });
    }

    /// <summary>The series key with identifying label values replaced.</summary>
    public SeriesKey Redact(SeriesKey key) => new(
        Pseudonym("tenant", key.Tenant),
        Pseudonym("region", key.Region),
        key.Metric,
        key.Labels.Select(l => new KeyValuePair<string, string>(l.Key, Pseudonym(l.Key, l.Value))));

    /// <summary>Replaces every identifying value of <paramref name="keys"/> that occurs in <paramref name="text"/> (longest first).</summary>
    public string RedactText(string text, IEnumerable<SeriesKey> keys)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            pairs[key.Canonical] = Redact(key).Canonical;
            foreach (string label in _labels)
            {
                if (key.Label(label) is { Length: > 0 } v)
                {
                    pairs[v] = Pseudonym(label, v);
                }
            }
        }

        foreach (var (from, to) in pairs.OrderByDescending(p => p.Key.Length).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            text = text.Replace(from, to, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>Maps every pseudonym handed out back to its value.</summary>
    public string Restore(string text)
    {
        foreach (var (pseudonym, value) in _back.OrderByDescending(p => p.Key.Length))
        {
            text = text.Replace(pseudonym, value, StringComparison.Ordinal);
        }

        return text;
    }
}
