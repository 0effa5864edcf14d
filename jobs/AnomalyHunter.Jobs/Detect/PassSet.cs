using System.Globalization;
using AnomalyHunter.Udfs.Detection;

namespace AnomalyHunter.Jobs.Detect;

/// <summary>
/// The univariate passes of a detector configuration and how their scores combine: each pass's score is a tail
/// probability on the <see cref="ScoreScale"/>; the combined score is the Bonferroni bound of the smallest one,
/// max(0, max score − 10·log10(number of passes)), so it keeps the same meaning.
/// </summary>
public sealed class PassSet
{
    /// <summary>Creates the set; pass names must be distinct.</summary>
    public PassSet(IReadOnlyList<ISeriesScorerFactory> passes)
    {
        if (passes.Count == 0)
        {
            throw new ArgumentException("At least one pass is needed.", nameof(passes));
        }

        if (passes.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count() != passes.Count)
        {
            throw new ArgumentException("Pass names must be distinct.", nameof(passes));
        }

        Passes = passes;
        Penalty = 10.0 * Math.Log10(passes.Count);
        Fingerprint = string.Join('+', passes.Select(p => p.Fingerprint));
        Name = string.Join('+', passes.Select(p => p.Name));
    }

    /// <summary>The passes, in order.</summary>
    public IReadOnlyList<ISeriesScorerFactory> Passes { get; }

    /// <summary>Number of passes.</summary>
    public int Count => Passes.Count;

    /// <summary>The passes' names joined with '+'.</summary>
    public string Name { get; }

    /// <summary>The passes' fingerprints joined with '+'.</summary>
    public string Fingerprint { get; }

    /// <summary>Score points subtracted from the best pass (10·log10 of the number of passes).</summary>
    public double Penalty { get; }

    /// <summary>Combines the pass scores of one point (NaN scores count as 0).</summary>
    public double Combine(ReadOnlySpan<double> scores)
    {
        double best = 0.0;
        foreach (double s in scores)
        {
            if (s > best)
            {
                best = s;
            }
        }

        return Math.Max(0.0, best - Penalty);
    }

    /// <summary>The JSON object of pass name → peak score used for contributions.</summary>
    public string ContributionsJson(ReadOnlySpan<double> peaks)
    {
        var parts = new string[Passes.Count];
        for (int i = 0; i < parts.Length; i++)
        {
            parts[i] = string.Create(CultureInfo.InvariantCulture, $"\"{Passes[i].Name}\":{Math.Round(peaks[i], 3):R}");
        }

        return "{" + string.Join(',', parts) + "}";
    }

    /// <summary>Names of the passes whose peak reached the threshold, comma-separated (the best pass when none did).</summary>
    public string Fired(ReadOnlySpan<double> peaks, double threshold)
    {
        var fired = new List<string>();
        int best = 0;
        for (int i = 0; i < Passes.Count; i++)
        {
            if (peaks[i] >= threshold)
            {
                fired.Add(Passes[i].Name);
            }

            if (peaks[i] > peaks[best])
            {
                best = i;
            }
        }

        return fired.Count > 0 ? string.Join(',', fired) : Passes[best].Name;
    }
}
