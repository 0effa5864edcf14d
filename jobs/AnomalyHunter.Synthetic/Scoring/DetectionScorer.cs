using AnomalyHunter.Synthetic.Model;

namespace AnomalyHunter.Synthetic.Scoring;

/// <summary>Scores detected windows against the labels, per anomaly kind.</summary>
/// <remarks>
/// <para>Times are inclusive; a label interval [start, end] is widened to [start, end + tolerance] (tolerance = <see cref="ScoringOptions.ToleranceSteps"/> steps).</para>
/// <para>Recall: a label is found when a window on one of its series overlaps that series' widened interval
/// (for a correlated incident any affected series counts, each with its own lagged interval).</para>
/// <para>Precision: a window is correct when it overlaps the widened interval of any label of its series.</para>
/// <para>Rows: a window goes to the row of its own <see cref="DetectedWindow.Kind"/> when the detector gives one; otherwise to the
/// kind of the earliest label it overlaps, or to <see cref="UnlabelledRow"/> when it overlaps none. A kind's precision counts only
/// the windows the detector itself gave that kind (a window placed in a row by the label it overlaps proves nothing about the
/// detector's precision), so it is null for a kind no window was given; the <see cref="AllRow"/> total counts every window.</para>
/// </remarks>
public static class DetectionScorer
{
    /// <summary>Row of the windows that overlap no label and carry no kind (false alarms).</summary>
    public const string UnlabelledRow = "unlabelled";

    /// <summary>Row of the totals.</summary>
    public const string AllRow = "all";

    /// <summary>Returns one row per anomaly kind (in <see cref="AnomalyKindNames.All"/> order), then the unlabelled row, then the totals.</summary>
    public static IReadOnlyList<KindScore> Score(IEnumerable<DetectedWindow> windows, IEnumerable<AnomalyLabel> labels, ScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        List<AnomalyLabel> labelList = [.. labels];
        Dictionary<string, List<(AnomalyLabel Label, AffectedSeries Member)>> bySeries = IndexBySeries(labelList);
        var found = new HashSet<AnomalyLabel>(ReferenceEqualityComparer.Instance);
        var rowWindows = new Dictionary<string, int>(StringComparer.Ordinal);
        var rowCorrect = new Dictionary<string, int>(StringComparer.Ordinal);
        var kindWindows = new Dictionary<string, int>(StringComparer.Ordinal);
        var kindCorrect = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (DetectedWindow window in windows)
        {
            if (window.End < window.Start)
            {
                throw new ArgumentException($"The window on {window.SeriesKey} ends before it starts.", nameof(windows));
            }

            AnomalyLabel? first = null;
            foreach ((AnomalyLabel label, AffectedSeries member) in bySeries.GetValueOrDefault(window.SeriesKey) ?? [])
            {
                if (window.Start <= member.End + options.Tolerance && window.End >= member.Start)
                {
                    found.Add(label);
                    first = first is null || label.Start < first.Start ? label : first;
                }
            }

            string row = window.Kind ?? first?.Kind.ToName() ?? UnlabelledRow;
            rowWindows[row] = rowWindows.GetValueOrDefault(row) + 1;
            rowCorrect[row] = rowCorrect.GetValueOrDefault(row) + (first is null ? 0 : 1);
            if (window.Kind is not null || first is null)
            {
                kindWindows[row] = kindWindows.GetValueOrDefault(row) + 1;
                kindCorrect[row] = kindCorrect.GetValueOrDefault(row) + (first is null ? 0 : 1);
            }
        }

        return BuildRows(labelList, found, rowWindows, rowCorrect, kindWindows, kindCorrect);
    }

    private static Dictionary<string, List<(AnomalyLabel Label, AffectedSeries Member)>> IndexBySeries(List<AnomalyLabel> labels)
    {
        var index = new Dictionary<string, List<(AnomalyLabel Label, AffectedSeries Member)>>(StringComparer.Ordinal);
        foreach (AnomalyLabel label in labels)
        {
            foreach (AffectedSeries member in label.Members)
            {
                if (!index.TryGetValue(member.SeriesKey, out List<(AnomalyLabel Label, AffectedSeries Member)>? list))
                {
                    list = [];
                    index[member.SeriesKey] = list;
                }

                list.Add((label, member));
            }
        }

        return index;
    }

    private static List<KindScore> BuildRows(
        List<AnomalyLabel> labels,
        HashSet<AnomalyLabel> found,
        Dictionary<string, int> rowWindows,
        Dictionary<string, int> rowCorrect,
        Dictionary<string, int> kindWindows,
        Dictionary<string, int> kindCorrect)
    {
        var rows = new List<KindScore>();
        var names = AnomalyKindNames.All.Select(k => k.ToName()).ToList();
        foreach (AnomalyKind kind in AnomalyKindNames.All)
        {
            int labelled = labels.Count(l => l.Kind == kind);
            int hits = labels.Count(l => l.Kind == kind && found.Contains(l));
            rows.Add(Row(kind.ToName(), labelled, hits, rowWindows, rowCorrect, kindWindows, kindCorrect));
        }

        // why: a detector may name kinds this generator does not inject; keep their windows visible in sorted rows.
        foreach (string other in rowWindows.Keys.Where(k => !names.Contains(k) && k != UnlabelledRow).OrderBy(k => k, StringComparer.Ordinal))
        {
            rows.Add(Row(other, 0, 0, rowWindows, rowCorrect, kindWindows, kindCorrect));
        }

        rows.Add(Row(UnlabelledRow, 0, 0, rowWindows, rowCorrect, kindWindows, kindCorrect));
        int windows = rowWindows.Values.Sum();
        int correct = rowCorrect.Values.Sum();
        rows.Add(new KindScore(AllRow, labels.Count, found.Count, Ratio(found.Count, labels.Count), windows, correct, Ratio(correct, windows)));
        return rows;
    }

    private static KindScore Row(
        string name,
        int labelled,
        int hits,
        Dictionary<string, int> rowWindows,
        Dictionary<string, int> rowCorrect,
        Dictionary<string, int> kindWindows,
        Dictionary<string, int> kindCorrect)
    {
        int windows = rowWindows.GetValueOrDefault(name);
        int correct = rowCorrect.GetValueOrDefault(name);
        return new KindScore(name, labelled, hits, Ratio(hits, labelled), windows, correct, Ratio(kindCorrect.GetValueOrDefault(name), kindWindows.GetValueOrDefault(name)));
    }

    private static double? Ratio(int numerator, int denominator) => denominator == 0 ? null : (double)numerator / denominator;
}
