using System.Globalization;
using AnomalyHunter.Udfs.Options;

namespace AnomalyHunter.Investigation.Llm;

/// <summary>What may leave the process in a model request. Bound from <c>Investigate:Llm:Redaction</c>.</summary>
public sealed record RedactionPolicy
{
    /// <summary>Default most raw points sent per series when raw points are allowed.</summary>
    public const int DefaultMaxRawPoints = 200;

    /// <summary>Labels whose values identify customers, hosts or people; their values are replaced by stable pseudonyms (<c>tenant</c> and <c>host</c> by default).</summary>
    public IReadOnlyList<string> IdentifyingLabels { get; init; } = ["tenant", "host"];

    /// <summary>Secret that keys the pseudonyms (HMAC-SHA-256), so they are stable across runs but not guessable; empty uses a fixed key.</summary>
    public string PseudonymKey { get; init; } = string.Empty;

    /// <summary>Whether raw data points may be sent; otherwise only summaries (statistics and the offline evidence) are.</summary>
    public bool SendRawPoints { get; init; }

    /// <summary>Most raw points per series when they may be sent (1 to 100000).</summary>
    public int MaxRawPoints { get; init; } = DefaultMaxRawPoints;

    /// <summary>Throws <see cref="OptionsValidationException"/> naming the first setting outside its range.</summary>
    public void Validate()
    {
        if (MaxRawPoints is < 1 or > 100_000)
        {
            throw new OptionsValidationException("Investigate:Llm:Redaction:MaxRawPoints",
                string.Create(CultureInfo.InvariantCulture, $"{MaxRawPoints} is outside the allowed range 1..100000."));
        }

        if (IdentifyingLabels.Any(string.IsNullOrWhiteSpace))
        {
            throw new OptionsValidationException("Investigate:Llm:Redaction:IdentifyingLabels", "label names must not be empty.");
        }
    }
}
