using System.Globalization;

namespace AnomalyHunter.Jobs.Detect;

/// <summary>How a window reports its passes: which fired, and each pass's peak score.</summary>
internal static class PassReport
{
    /// <summary>The pass name of missing-data windows (gaps in a regular series).</summary>
    public const string MissingData = DetectOptions.MissingDataPass;

    /// <summary>The JSON object of pass name → peak score.</summary>
    public static string ContributionsJson(IReadOnlyList<string> names, ReadOnlySpan<double> peaks)
    {
        var parts = new string[names.Count];
        for (int i = 0; i < parts.Length; i++)
        {
            parts[i] = string.Create(CultureInfo.InvariantCulture, $"\"{names[i]}\":{Math.Round(peaks[i], 3):R}");
        }

        return "{" + string.Join(',', parts) + "}";
    }

    /// <summary>Names of the passes whose peak reached the threshold, comma-separated (the strongest pass when none did).</summary>
    public static string Fired(IReadOnlyList<string> names, ReadOnlySpan<double> peaks, double threshold)
    {
        var fired = new List<string>();
        int best = 0;
        for (int i = 0; i < names.Count; i++)
        {
            if (peaks[i] >= threshold)
            {
                fired.Add(names[i]);
            }

            if (peaks[i] > peaks[best])
            {
                best = i;
            }
        }

        return fired.Count > 0 ? string.Join(',', fired) : names[best];
    }
}
