namespace AnomalyHunter.Quality.Demo;

/// <summary>The demo criteria for one file: windows detected, reported windows that overlap a label, early detections.</summary>
public sealed record DemoEvaluation(string File, int Windows, int Detected, int Reported, int ReportedOverlapping, int EarlyRequired, int Early, IReadOnlyList<(int Start, int End)> ReportedWindows)
{
    /// <summary>Reported windows: runs of rows with score ≥ <paramref name="threshold"/>, merged when at most <paramref name="mergeGap"/> rows apart.</summary>
    public static List<(int Start, int End)> ReportedRuns(ReadOnlySpan<double> scores, double threshold, int mergeGap)
    {
        var runs = new List<(int Start, int End)>();
        for (int i = 0; i < scores.Length; i++)
        {
            if (!(scores[i] >= threshold))
            {
                continue;
            }

            if (runs.Count > 0 && i - runs[^1].End - 1 <= mergeGap)
            {
                runs[^1] = (runs[^1].Start, i);
            }
            else
            {
                runs.Add((i, i));
            }
        }

        return runs;
    }

    /// <summary>Evaluates one scenario's scores at <paramref name="threshold"/>.</summary>
    public static DemoEvaluation Evaluate(DemoScenario scenario, ReadOnlySpan<double> scores, double threshold, int mergeGap)
    {
        List<(int Start, int End)> runs = ReportedRuns(scores, threshold, mergeGap);
        int detected = 0;
        int early = 0;
        int earlyRequired = 0;
        foreach (DemoWindow w in scenario.Windows)
        {
            bool hit = false;
            bool hitEarly = false;
            for (int i = w.Start; i <= w.End && i < scores.Length; i++)
            {
                if (scores[i] >= threshold)
                {
                    hit = true;
                    hitEarly |= i <= w.EarlyEnd;
                }
            }

            detected += hit ? 1 : 0;
            if (!w.SlowRamp)
            {
                earlyRequired++;
                early += hitEarly ? 1 : 0;
            }
        }

        int overlapping = runs.Count(r => scenario.Windows.Any(w => r.Start <= w.End && w.Start <= r.End));
        return new DemoEvaluation(scenario.File, scenario.Windows.Count, detected, runs.Count, overlapping, earlyRequired, early, runs);
    }
}
