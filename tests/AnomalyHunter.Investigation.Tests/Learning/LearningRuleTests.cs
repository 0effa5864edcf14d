using AnomalyHunter.Investigation.Agents;
using AnomalyHunter.Investigation.Findings;
using AnomalyHunter.Investigation.Learning;
using AnomalyHunter.Investigation.Verdicts;

namespace AnomalyHunter.Investigation.Tests.Learning;

public sealed class LearningRuleTests
{
    private static readonly LearningRule Rule = new(new LearningOptions());

    private static FeedbackSubject Subject(string decision) => new(decision, Patterns.Spike, "cpu", ["robust-z"], new Dictionary<string, double>
    {
        [AgentNames.PatternAnalyst] = 0.9,
        [AgentNames.ChangeDetective] = 0.3,
        [AgentNames.RootCause] = 0.6,
    });

    [Fact]
    public void Untaught_weights_are_the_documented_priors()
    {
        var s = new LearningState();
        Assert.Equal(1.0 / 3, Rule.AgentWeight(s, AgentNames.RootCause, Patterns.Dip), 12);
        Assert.Equal(0.5, Rule.PatternPrior(s, Patterns.Dip, "cpu"), 12);
        Assert.Equal(20, Rule.PassThreshold(s, "robust-z"), 12);
    }

    [Fact]
    public void Correct_feedback_on_an_anomaly_changes_weights_exactly_as_the_rule_says()
    {
        var (s, changes) = Rule.Apply(new LearningState(), Subject(VerdictDecisions.Anomaly), FeedbackKind.Correct, "f1");

        Assert.Equal((1, 1), (s.Version, s.FeedbackCount));
        // Truth: real. The analyst (0.9) and root cause (0.6) voted real: α 2→3; the detective (0.3) voted not real: β 1→2.
        Assert.Equal(new BetaCounts(3, 1), s.Agents["pattern-analyst|spike"]);
        Assert.Equal(new BetaCounts(2, 2), s.Agents["change-detective|spike"]);
        Assert.Equal(new BetaCounts(3, 1), s.Agents["root-cause|spike"]);
        Assert.Equal(0.5, Rule.AgentWeight(s, AgentNames.PatternAnalyst, Patterns.Spike), 12);
        Assert.Equal(0.0, Rule.AgentWeight(s, AgentNames.ChangeDetective, Patterns.Spike), 12);
        // Pattern prior Beta(1,1) + 1 real; pass prior Beta(3.2, 0.8) + 1 real → precision 0.84, threshold 20 + 10·(0.8 − 0.84).
        Assert.Equal(new BetaCounts(2, 1), s.Patterns["spike|cpu"]);
        Assert.Equal(4.2, s.Passes["robust-z"].Alpha, 12);
        Assert.Equal(19.6, Rule.PassThreshold(s, "robust-z"), 10);
        Assert.Equal(["agent:change-detective|spike", "agent:pattern-analyst|spike", "agent:root-cause|spike", "pattern:spike|cpu", "pass:robust-z"], changes.Select(c => c.Key));
        Assert.All(changes, c => Assert.StartsWith("f1:", c.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Incorrect_feedback_on_noise_means_the_candidate_was_real()
    {
        var (s, _) = Rule.Apply(new LearningState(), Subject(VerdictDecisions.Noise), FeedbackKind.Incorrect, "f1");
        Assert.Equal(new BetaCounts(3, 1), s.Agents["pattern-analyst|spike"]);
        Assert.Equal(new BetaCounts(2, 1), s.Patterns["spike|cpu"]);
    }

    [Fact]
    public void Incorrect_feedback_on_an_anomaly_lowers_the_prior_and_raises_the_pass_threshold()
    {
        var (s, _) = Rule.Apply(new LearningState(), Subject(VerdictDecisions.Anomaly), FeedbackKind.Incorrect, "f1");
        Assert.Equal(new BetaCounts(2, 2), s.Agents["pattern-analyst|spike"]);
        Assert.Equal(new BetaCounts(3, 1), s.Agents["change-detective|spike"]);
        Assert.Equal(new BetaCounts(1, 2), s.Patterns["spike|cpu"]);
        Assert.Equal(20 + (10 * (0.8 - (3.2 / 5))), Rule.PassThreshold(s, "robust-z"), 10);
    }

    [Fact]
    public void Partial_feedback_counts_half_and_says_the_anomaly_was_real()
    {
        var (s, _) = Rule.Apply(new LearningState(), Subject(VerdictDecisions.Anomaly), FeedbackKind.Partial, "f1");
        Assert.Equal(new BetaCounts(2.5, 1), s.Agents["pattern-analyst|spike"]);
        Assert.Equal(new BetaCounts(2, 1.5), s.Agents["change-detective|spike"]);
        Assert.Equal(new BetaCounts(1.5, 1), s.Patterns["spike|cpu"]);
    }

    [Fact]
    public void The_verdict_probability_is_the_documented_log_linear_pool()
    {
        var s = new LearningState();
        var confidences = new Dictionary<string, double> { ["a"] = 0.9, ["b"] = 0.2 };
        double expected = 1 / (1 + Math.Exp(-((Math.Log(9) / 3) + (Math.Log(0.25) / 3))));
        Assert.Equal(expected, Rule.Probability(s, Patterns.Spike, "cpu", confidences), 12);
    }
}
