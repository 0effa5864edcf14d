using AnomalyHunter.Investigation.Findings;
using AnomalyHunter.Investigation.Learning;
using AnomalyHunter.Investigation.Verdicts;
using AnomalyHunter.Synthetic.Model;

namespace AnomalyHunter.Benchmarks;

/// <summary>
/// The labels as a user would know them: a verdict's window is real when it overlaps a label interval of its series widened by
/// three steps (the synthetic scorer's rule). The simulated user says correct when the decision matches, incorrect when it
/// does not, and partial for a real anomaly whose pattern differs from the label's kind.
/// </summary>
internal sealed class LabelTruth
{
    private const int ToleranceSteps = 3;
    private readonly Dictionary<string, List<(long Start, long End, AnomalyLabel Label)>> _bySeries = new(StringComparer.Ordinal);
    private readonly SyntheticDataset _data;

    public LabelTruth(SyntheticDataset data)
    {
        _data = data;
        long tolerance = ToleranceSteps * data.Options.StepMs;
        foreach (var label in data.Labels)
        {
            foreach (var m in label.Members)
            {
                if (!_bySeries.TryGetValue(m.SeriesKey, out var list))
                {
                    _bySeries[m.SeriesKey] = list = [];
                }

                list.Add((m.Start.ToUnixTimeMilliseconds(), m.End.ToUnixTimeMilliseconds() + tolerance, label));
            }
        }
    }

    public AnomalyLabel? LabelOf(Verdict v)
    {
        long s = v.Window.Start.ToUnixTimeMilliseconds(), e = v.Window.End.ToUnixTimeMilliseconds();
        return _bySeries.TryGetValue(v.Series, out var list) ? list.FirstOrDefault(x => x.Start <= e && s <= x.End).Label : null;
    }

    public bool IsReal(Verdict v) => LabelOf(v) is not null;

    public FeedbackKind FeedbackFor(Verdict v)
    {
        var label = LabelOf(v);
        bool saidAnomaly = v.Decision == VerdictDecisions.Anomaly;
        if (label is null)
        {
            return saidAnomaly ? FeedbackKind.Incorrect : FeedbackKind.Correct;
        }

        if (!saidAnomaly)
        {
            return FeedbackKind.Incorrect;
        }

        return label.Kind.ToName() == v.Pattern || (label.Kind == AnomalyKind.CorrelatedIncident && v.Pattern == Patterns.CorrelatedIncident)
            ? FeedbackKind.Correct
            : FeedbackKind.Partial;
    }

    /// <summary>Precision of the "anomaly" decisions among <paramref name="verdicts"/>, recall of the labels that start in their period.</summary>
    public LearningScore Score(IReadOnlyList<Verdict> verdicts, IReadOnlyList<string> decisions)
    {
        if (verdicts.Count == 0)
        {
            return new LearningScore();
        }

        long from = verdicts.Min(v => v.Window.Start.ToUnixTimeMilliseconds());
        var labels = _data.Labels.Where(l => l.Start.ToUnixTimeMilliseconds() >= from).ToList();
        var found = new HashSet<string>(StringComparer.Ordinal);
        int confirmed = 0, real = 0;
        for (int i = 0; i < verdicts.Count; i++)
        {
            if (decisions[i] != VerdictDecisions.Anomaly)
            {
                continue;
            }

            confirmed++;
            if (LabelOf(verdicts[i]) is { } label)
            {
                real++;
                found.Add(label.Id);
            }
        }

        return new LearningScore(confirmed, real, labels.Count, labels.Count(l => found.Contains(l.Id)));
    }
}
