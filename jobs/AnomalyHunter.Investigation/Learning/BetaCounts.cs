using System.Text.Json.Serialization;

namespace AnomalyHunter.Investigation.Learning;

/// <summary>A Beta(α, β) posterior: α counts successes plus the prior's, β failures plus the prior's.</summary>
public sealed record BetaCounts([property: JsonPropertyName("alpha")] double Alpha, [property: JsonPropertyName("beta")] double Beta)
{
    /// <summary>The posterior mean α / (α + β).</summary>
    [JsonIgnore]
    public double Mean => Alpha / (Alpha + Beta);

    /// <summary>Adds <paramref name="weight"/> to α when <paramref name="success"/>, to β otherwise.</summary>
    public BetaCounts Add(bool success, double weight) => success ? this with { Alpha = Alpha + weight } : this with { Beta = Beta + weight };

    /// <summary>Adds a fractional outcome: <paramref name="weight"/> × outcome to α and <paramref name="weight"/> × (1 − outcome) to β.</summary>
    public BetaCounts AddFraction(double outcome, double weight) => new(Alpha + (weight * outcome), Beta + (weight * (1 - outcome)));
}
