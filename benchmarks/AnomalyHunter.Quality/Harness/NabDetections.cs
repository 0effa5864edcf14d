using System.Globalization;
using System.Text;
using AnomalyHunter.Quality.Nab;

namespace AnomalyHunter.Quality.Harness;

/// <summary>Where a scored series detects at a threshold: the first detection of each window and the false positives.</summary>
public static class NabDetections
{
    /// <summary>One line: each window as [start..end] with the row of its first detection (and its share of the window), then the false-positive rows.</summary>
    public static string Describe(NabScoredSeries scored, double threshold)
    {
        NabSeries s = scored.Series;
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        int probation = s.ProbationLength;
        foreach (NabWindow w in s.Windows)
        {
            int first = -1;
            for (int i = Math.Max(w.Start, probation); i <= w.End; i++)
            {
                if (scored.Scores[i] >= threshold)
                {
                    first = i;
                    break;
                }
            }

            text.Append(inv, $"[{w.Start}..{w.End}]");
            text.Append(first < 0 ? " miss  " : string.Create(inv, $" at {first} ({(first - w.Start) / (double)w.Width:F2})  "));
        }

        text.Append("fp:");
        for (int i = probation; i < scored.Scores.Length; i++)
        {
            if (scored.Scores[i] >= threshold && !s.Windows.Any(w => i >= w.Start && i <= w.End))
            {
                text.Append(inv, $" {i}");
            }
        }

        return text.ToString();
    }

    /// <summary>Writes <c>row,value,score,window</c> per row of each series into <paramref name="folder"/>/&lt;name&gt;.csv.</summary>
    public static void Dump(IEnumerable<NabScoredSeries> corpus, string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (NabScoredSeries scored in corpus)
        {
            NabSeries s = scored.Series;
            var text = new StringBuilder("row,value,score,window\n");
            for (int i = 0; i < s.Values.Length; i++)
            {
                int inWindow = s.Windows.Any(w => i >= w.Start && i <= w.End) ? 1 : 0;
                text.Append(CultureInfo.InvariantCulture, $"{i},{s.Values[i]},{scored.Scores[i]},{inWindow}\n");
            }

            File.WriteAllText(Path.Combine(folder, s.Name + ".csv"), text.ToString());
        }
    }
}
