using AnomalyHunter.Synthetic.Model;
using AnomalyHunter.Synthetic.Scoring;

namespace AnomalyHunter.Synthetic.Tests.Scoring;

public sealed class DetectionScorerTests
{
    private const string A = "cpu_utilization{host=\"h1\",region=\"eu-west\",service=\"api\",tenant=\"acme\"}";
    private const string B = "latency_p95_ms{host=\"h1\",region=\"eu-west\",service=\"api\",tenant=\"acme\"}";
    private const string C = "error_rate{host=\"h1\",region=\"eu-west\",service=\"api\",tenant=\"acme\"}";
    private static readonly DateTimeOffset T0 = new(2026, 1, 12, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(5);
    private static readonly ScoringOptions Options = new() { ToleranceSteps = 3, Step = Step };

    private static DateTimeOffset At(int step) => T0 + (Step * step);

    private static AnomalyLabel Spike(string id, string key, int start, int end) =>
        new(id, AnomalyKind.Spike, At(start), At(end), 10, string.Empty, null, null, [new AffectedSeries(key, 0, At(start), At(end), 10, 7)]);

    private static readonly AnomalyLabel Incident = new(
        "I", AnomalyKind.CorrelatedIncident, At(100), At(115), 5, "host", "I001", A,
        [new AffectedSeries(A, 0, At(100), At(110), 5, 4), new AffectedSeries(B, 3, At(103), At(113), 2, 2), new AffectedSeries(C, 5, At(105), At(115), 2, 2)]);

    private static KindScore Row(IReadOnlyList<KindScore> rows, string kind) => rows.Single(r => r.Kind == kind);

    [Fact]
    public void A_window_overlapping_a_label_finds_it_and_counts_as_correct()
    {
        var rows = DetectionScorer.Score([new DetectedWindow(A, At(9), At(10))], [Spike("s", A, 10, 12)], Options);

        Assert.Equal(new KindScore("spike", 1, 1, 1.0, 1, 1, null), Row(rows, "spike"));
        Assert.Equal(new KindScore("all", 1, 1, 1.0, 1, 1, 1.0), Row(rows, "all"));
    }

    [Fact]
    public void A_window_starting_within_the_tolerance_after_the_end_still_counts_and_one_step_later_does_not()
    {
        AnomalyLabel label = Spike("s", A, 10, 12);

        var late = DetectionScorer.Score([new DetectedWindow(A, At(15), At(20))], [label], Options);
        var tooLate = DetectionScorer.Score([new DetectedWindow(A, At(16), At(20))], [label], Options);

        Assert.Equal(1, Row(late, "spike").Found);
        Assert.Equal(0, Row(tooLate, "spike").Found);
        Assert.Equal(new KindScore("unlabelled", 0, 0, null, 1, 0, 0.0), Row(tooLate, "unlabelled"));
        Assert.Equal(0.0, Row(tooLate, "all").Precision);
    }

    [Fact]
    public void A_window_on_another_series_at_the_same_time_is_a_false_alarm()
    {
        var rows = DetectionScorer.Score([new DetectedWindow(B, At(10), At(12))], [Spike("s", A, 10, 12)], Options);

        Assert.Equal(0.0, Row(rows, "spike").Recall);
        Assert.Equal(1, Row(rows, "unlabelled").Windows);
    }

    [Fact]
    public void Any_series_of_a_correlated_incident_counts_with_its_own_lagged_interval()
    {
        var onFollower = DetectionScorer.Score([new DetectedWindow(C, At(114), At(118))], [Incident], Options);
        var beforeFollowerMoved = DetectionScorer.Score([new DetectedWindow(C, At(101), At(104))], [Incident], Options);

        Assert.Equal(new KindScore("correlated_incident", 1, 1, 1.0, 1, 1, null), Row(onFollower, "correlated_incident"));
        Assert.Equal(0, Row(beforeFollowerMoved, "correlated_incident").Found);
        Assert.Equal(1, Row(beforeFollowerMoved, "unlabelled").Windows);
    }

    [Fact]
    public void Recall_and_precision_are_counted_per_kind_and_in_total()
    {
        AnomalyLabel[] labels = [Spike("s1", A, 10, 10), Spike("s2", A, 400, 401), Incident];
        DetectedWindow[] windows =
        [
            new(A, At(10), At(11)),
            new(A, At(11), At(11)),
            new(B, At(104), At(120)),
            new(A, At(250), At(260)),
            new(C, At(600), At(601)),
        ];

        var rows = DetectionScorer.Score(windows, labels, Options);

        // why: these windows carry no kind of their own, so overlapping a spike label says nothing about a kind's precision.
        Assert.Equal(new KindScore("spike", 2, 1, 0.5, 2, 2, null), Row(rows, "spike"));
        Assert.Equal(new KindScore("correlated_incident", 1, 1, 1.0, 1, 1, null), Row(rows, "correlated_incident"));
        Assert.Equal(new KindScore("level_shift", 0, 0, null, 0, 0, null), Row(rows, "level_shift"));
        Assert.Equal(new KindScore("unlabelled", 0, 0, null, 2, 0, 0.0), Row(rows, "unlabelled"));
        Assert.Equal(new KindScore("all", 3, 2, 2.0 / 3, 5, 3, 0.6), Row(rows, "all"));
        Assert.Equal([.. AnomalyKindNames.All.Select(k => k.ToName()), "unlabelled", "all"], rows.Select(r => r.Kind));
    }

    [Fact]
    public void A_window_with_a_detector_kind_is_counted_in_that_kind_so_wrong_kinds_show_in_precision()
    {
        DetectedWindow[] windows = [new(A, At(10), At(10), "spike"), new(A, At(300), At(310), "spike"), new(A, At(500), At(520), "drift")];

        var rows = DetectionScorer.Score(windows, [Spike("s", A, 10, 10)], Options);

        Assert.Equal(new KindScore("spike", 1, 1, 1.0, 2, 1, 0.5, 1, 1.0), Row(rows, "spike"));
        Assert.Equal(new KindScore("drift", 0, 0, null, 1, 0, 0.0), Row(rows, "drift"));
        Assert.Equal(0, Row(rows, "unlabelled").Windows);
    }

    [Fact]
    public void A_named_window_on_a_label_of_another_kind_is_correct_for_precision_but_does_not_agree()
    {
        AnomalyLabel[] labels = [Spike("s", A, 10, 10), Incident];
        DetectedWindow[] windows =
        [
            new(A, At(10), At(10), "dip"),
            new(A, At(300), At(300), "spike"),
            new(B, At(104), At(110), "correlated_incident"),
            new(C, At(105), At(106), "spike"),
        ];

        var rows = DetectionScorer.Score(windows, labels, Options);

        Assert.Equal(new KindScore("dip", 0, 0, null, 1, 1, 1.0, 0, 0.0), Row(rows, "dip"));
        Assert.Equal(new KindScore("spike", 1, 1, 1.0, 2, 1, 0.5, 0, 0.0), Row(rows, "spike"));
        Assert.Equal(new KindScore("correlated_incident", 1, 1, 1.0, 1, 1, 1.0, 1, 1.0), Row(rows, "correlated_incident"));
        Assert.Equal(new KindScore("all", 2, 2, 1.0, 4, 3, 0.75, 1, 1.0 / 3), Row(rows, "all"));
    }

    [Fact]
    public void The_confusion_pairs_each_named_window_with_the_kind_of_the_label_it_overlaps()
    {
        AnomalyLabel[] labels = [Spike("s", A, 10, 10), Spike("early", A, 98, 100), Incident];
        DetectedWindow[] windows =
        [
            new(A, At(10), At(10), "dip"),
            new(A, At(300), At(300), "spike"),
            new(B, At(104), At(110), "correlated_incident"),
            new(A, At(100), At(102), "correlated_incident"),
            new(C, At(105), At(106), "spike"),
            new(C, At(106), At(107)),
        ];

        var pairs = DetectionScorer.Confusion(windows, labels, Options);

        // why: the window on A at 100 overlaps an earlier spike and the incident; its own kind is among them, so it agrees.
        Assert.Equal(
            [new("correlated_incident", "correlated_incident", 2), new("dip", "spike", 1), new("spike", "correlated_incident", 1), new KindConfusion("spike", "unlabelled", 1)],
            pairs);
    }

    [Fact]
    public void A_larger_tolerance_never_lowers_recall_or_precision()
    {
        var rng = new System.Random(1);
        for (int trial = 0; trial < 200; trial++)
        {
            var labels = Enumerable.Range(0, 5).Select(i => Spike("s" + i, i % 2 == 0 ? A : B, rng.Next(0, 900), 0)).Select(l => l with { End = l.Start + (Step * rng.Next(0, 4)), Members = [l.Members[0] with { End = l.Start }] }).ToList();
            var windows = Enumerable.Range(0, 8).Select(_ => rng.Next(0, 1000)).Select(s => new DetectedWindow(rng.Next(2) == 0 ? A : B, At(s), At(s + rng.Next(0, 5)))).ToList();
            KindScore narrow = Row(DetectionScorer.Score(windows, labels, Options with { ToleranceSteps = 0 }), "all");
            KindScore wide = Row(DetectionScorer.Score(windows, labels, Options with { ToleranceSteps = 6 }), "all");

            Assert.True(wide.Found >= narrow.Found);
            Assert.True(wide.Correct >= narrow.Correct);
        }
    }

    [Fact]
    public void Scoring_the_demo_labels_against_themselves_gives_full_recall_and_precision()
    {
        var windows = DemoData.Generator.Labels.SelectMany(l => l.Members).Select(m => new DetectedWindow(m.SeriesKey, m.Start, m.End)).ToList();

        var rows = DetectionScorer.Score(windows, DemoData.Generator.Labels, Options);

        Assert.All(rows.Where(r => r.Labelled > 0), r => Assert.Equal(1.0, r.Recall));
        Assert.Equal(1.0, Row(rows, "all").Precision);
    }
}
