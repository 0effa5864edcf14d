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
/// <para>Kind agreement: of the correct windows the detector gave kind K, the share that overlap (widened, on their series) a label
/// of kind K; the totals row pools every kind. Precision says whether a window named K marks a real anomaly, agreement whether
/// the name is right.</para>
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
        var kindAgrees = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (DetectedWindow window in windows)
        {
            AnomalyLabel? first = null;
            bool agrees = false;
            foreach (AnomalyLabel label in Overlapped(window, bySeries, options))
            {
                found.Add(label);
                first = first is null || label.Start < first.Start ? label : first;
                agrees |= Agrees(window, label);
            }

            string row = window.Kind ?? first?.Kind.ToName() ?? UnlabelledRow;
            rowWindows[row] = rowWindows.GetValueOrDefault(row) + 1;
            rowCorrect[row] = rowCorrect.GetValueOrDefault(row) + (first is null ? 0 : 1);
            if (window.Kind is not null || first is null)
            {
                kindWindows[row] = kindWindows.GetValueOrDefault(row) + 1;
                kindCorrect[row] = kindCorrect.GetValueOrDefault(row) + (first is null ? 0 : 1);
                kindAgrees[row] = kindAgrees.GetValueOrDefault(row) + (agrees ? 1 : 0);
            }
        }

        return BuildRows(labelList, found, new RowCounts(rowWindows, rowCorrect, kindWindows, kindCorrect, kindAgrees));
    }

    /// <summary>
    /// Counts the windows that carry a kind by (named kind, labelled kind): the labelled kind is the window's own when a label of
    /// that kind is among those it overlaps, else the earliest overlapped label's, else <see cref="UnlabelledRow"/>. Sorted by
    /// named kind, then labelled kind.
    /// </summary>
    public static IReadOnlyList<KindConfusion> Confusion(IEnumerable<DetectedWindow> windows, IEnumerable<AnomalyLabel> labels, ScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var bySeries = IndexBySeries([.. labels]);
        var counts = new Dictionary<(string Named, string Labelled), int>();
        foreach (DetectedWindow window in windows.Where(w => w.Kind is not null))
        {
            var overlapped = Overlapped(window, bySeries, options).ToList();
            string labelled = overlapped.Any(l => Agrees(window, l))
                ? window.Kind!
                : overlapped.OrderBy(l => l.Start).FirstOrDefault()?.Kind.ToName() ?? UnlabelledRow;
            counts[(window.Kind!, labelled)] = counts.GetValueOrDefault((window.Kind!, labelled)) + 1;
        }

        return [.. counts.OrderBy(c => c.Key.Named, StringComparer.Ordinal).ThenBy(c => c.Key.Labelled, StringComparer.Ordinal)
            .Select(c => new KindConfusion(c.Key.Named, c.Key.Labelled, c.Value))];
    }

    private static IEnumerable<AnomalyLabel> Overlapped(DetectedWindow window, Dictionary<string, List<(AnomalyLabel Label, AffectedSeries Member)>> bySeries, ScoringOptions options)
    {
        if (window.End < window.Start)
        {
            throw new ArgumentException($"The window on {window.SeriesKey} ends before it starts.", nameof(window));
        }

        return (bySeries.GetValueOrDefault(window.SeriesKey) ?? [])
            .Where(x => window.Start <= x.Member.End + options.Tolerance && window.End >= x.Member.Start)
            .Select(x => x.Label);
    }

    private static bool Agrees(DetectedWindow window, AnomalyLabel label) =>
        window.Kind is not null && string.Equals(label.Kind.ToName(), window.Kind, StringComparison.Ordinal);

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

    private static List<KindScore> BuildRows(List<AnomalyLabel> labels, HashSet<AnomalyLabel> found, RowCounts counts)
    {
        var rows = new List<KindScore>();
        var names = AnomalyKindNames.All.Select(k => k.ToName()).ToList();
        foreach (AnomalyKind kind in AnomalyKindNames.All)
        {
            int labelled = labels.Count(l => l.Kind == kind);
            int hits = labels.Count(l => l.Kind == kind && found.Contains(l));
            rows.Add(counts.Row(kind.ToName(), labelled, hits));
        }

        // why: a detector may name kinds this generator does not inject; keep their windows visible in sorted rows.
        foreach (string other in counts.Windows.Keys.Where(k => !names.Contains(k) && k != UnlabelledRow).OrderBy(k => k, StringComparer.Ordinal))
        {
            rows.Add(counts.Row(other, 0, 0));
        }

        rows.Add(counts.Row(UnlabelledRow, 0, 0));
        int windows = counts.Windows.Values.Sum();
        int correct = counts.Correct.Values.Sum();
        int agrees = counts.KindAgrees.Values.Sum();
        rows.Add(new KindScore(AllRow, labels.Count, found.Count, Ratio(found.Count, labels.Count), windows, correct, Ratio(correct, windows),
            agrees, Ratio(agrees, counts.KindCorrect.Values.Sum())));
        return rows;
    }

    private static double? Ratio(int numerator, int denominator) => denominator == 0 ? null : (double)numerator / denominator;

    /// <summary>Per row: windows and correct windows; of the windows the detector itself put there, windows, correct ones and those whose kind agrees.</summary>
    private sealed record RowCounts(
        Dictionary<string, int> Windows,
        Dictionary<string, int> Correct,
        Dictionary<string, int> KindWindows,
        Dictionary<string, int> KindCorrect,
        Dictionary<string, int> KindAgrees)
    {
        public KindScore Row(string name, int labelled, int hits)
        {
            int agrees = KindAgrees.GetValueOrDefault(name);
            int kindCorrect = KindCorrect.GetValueOrDefault(name);
            return new KindScore(name, labelled, hits, Ratio(hits, labelled), Windows.GetValueOrDefault(name), Correct.GetValueOrDefault(name),
                Ratio(kindCorrect, KindWindows.GetValueOrDefault(name)), agrees, Ratio(agrees, kindCorrect));
        }
    }
}
