using AnomalyHunter.Investigation.Agents;

namespace AnomalyHunter.Investigation.Learning;

/// <summary>
/// The learning rule (<c>beta-precision/1</c>).
/// <para>Truth from one feedback on a verdict whose decision is D (1 = anomaly): <c>correct</c> → t = D, weight u = 1;
/// <c>incorrect</c> → t = 1 − D, u = 1; <c>partial</c> → t = 1 (a real anomaly, explained partly wrong), u = PartialWeight.</para>
/// <para>Updates, for the verdict's pattern p, the series' metric m and the candidate's passes q:
/// (1) each agent a votes "real" when its confidence ≥ 0.5; Beta(agent a, pattern p) gets +u on α when the vote equals t,
/// on β otherwise; (2) Beta(pattern p, metric m) gets +u·t on α and +u·(1 − t) on β; (3) Beta(pass q) likewise.</para>
/// <para>Derived: agent weight ω = max(0, 2·mean − 1) (accuracy above chance; prior Beta(2, 1) gives 1/3); pattern prior
/// π = mean (prior Beta(1, 1) gives 0.5); pass threshold θ = clamp(Base + Gain·(Target − precision), 0, 100) with the
/// precision's prior Beta(Target·Strength, (1 − Target)·Strength), so θ starts at Base.</para>
/// <para>A verdict combines them: logit P = logit π + Σ_a ω·logit(c_a); the decision is anomaly when P ≥ 0.5 and the
/// candidate's peak score reaches the lowest threshold of its passes.</para>
/// </summary>
public sealed class LearningRule
{
    /// <summary>Name and version of the rule, stored with every learning version.</summary>
    public const string Name = "beta-precision/1";

    private const double MinConfidence = 0.01;
    private readonly LearningOptions _options;

    /// <summary>Creates the rule.</summary>
    public LearningRule(LearningOptions options)
    {
        options.Validate();
        _options = options;
    }

    /// <summary>The options.</summary>
    public LearningOptions Options => _options;

    /// <summary>Accuracy counts of an agent on a pattern (the prior when never taught).</summary>
    public BetaCounts AgentCounts(LearningState s, string agent, string pattern) =>
        s.Agents.GetValueOrDefault(LearningState.AgentKey(agent, pattern)) ?? new BetaCounts(_options.AgentPriorAlpha, _options.AgentPriorBeta);

    /// <summary>The weight ω of an agent on a pattern.</summary>
    public double AgentWeight(LearningState s, string agent, string pattern) => Math.Max(0, (2 * AgentCounts(s, agent, pattern).Mean) - 1);

    /// <summary>Real-anomaly counts of a pattern on a metric.</summary>
    public BetaCounts PatternCounts(LearningState s, string pattern, string metric) =>
        s.Patterns.GetValueOrDefault(LearningState.PatternKey(pattern, metric)) ?? new BetaCounts(_options.PatternPrior, _options.PatternPrior);

    /// <summary>The prior π that a candidate of this pattern on this metric is real.</summary>
    public double PatternPrior(LearningState s, string pattern, string metric) => PatternCounts(s, pattern, metric).Mean;

    /// <summary>Real-anomaly counts of a pass.</summary>
    public BetaCounts PassCounts(LearningState s, string pass) =>
        s.Passes.GetValueOrDefault(pass) ?? new BetaCounts(_options.TargetPrecision * _options.PassPriorStrength, (1 - _options.TargetPrecision) * _options.PassPriorStrength);

    /// <summary>The score threshold θ of a pass.</summary>
    public double PassThreshold(LearningState s, string pass) =>
        Math.Clamp(_options.BaseThreshold + (_options.ThresholdGain * (_options.TargetPrecision - PassCounts(s, pass).Mean)), 0, 100);

    /// <summary>The combined probability that a candidate is real.</summary>
    public double Probability(LearningState s, string pattern, string metric, IReadOnlyDictionary<string, double> confidences)
    {
        double logit = Logit(PatternPrior(s, pattern, metric));
        foreach (var (agent, c) in confidences.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            logit += AgentWeight(s, agent, pattern) * Logit(c);
        }

        return 1 / (1 + Math.Exp(-logit));
    }

    /// <summary>Applies one feedback and returns the new state (version + 1) and every derived value it moved.</summary>
    public (LearningState State, IReadOnlyList<LearningChange> Changes) Apply(LearningState s, FeedbackSubject subject, FeedbackKind kind, string feedbackRef)
    {
        bool decidedAnomaly = subject.Decision == Verdicts.VerdictDecisions.Anomaly;
        double t = kind switch
        {
            FeedbackKind.Correct => decidedAnomaly ? 1 : 0,
            FeedbackKind.Incorrect => decidedAnomaly ? 0 : 1,
            _ => 1,
        };
        double u = kind == FeedbackKind.Partial ? _options.PartialWeight : 1;
        string truth = t >= 0.5 ? "real" : "not real";
        var changes = new List<LearningChange>();
        var agents = new SortedDictionary<string, BetaCounts>(s.Agents, StringComparer.Ordinal);
        foreach (var (agent, c) in subject.AgentConfidences.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            string key = LearningState.AgentKey(agent, subject.Pattern);
            bool vote = c >= 0.5;
            var before = AgentCounts(s, agent, subject.Pattern);
            var after = before.Add(vote == (t >= 0.5), u);
            agents[key] = after;
            changes.Add(new LearningChange("agent:" + key, Weight(before), Weight(after), after,
                Text.F($"{feedbackRef}: {agent} voted {(vote ? "real" : "not real")} (confidence {Text.N(c)}) and the candidate was {truth}")));
        }

        var patterns = new SortedDictionary<string, BetaCounts>(s.Patterns, StringComparer.Ordinal);
        string pkey = LearningState.PatternKey(subject.Pattern, subject.Metric);
        var pb = PatternCounts(s, subject.Pattern, subject.Metric);
        var pa = pb.AddFraction(t, u);
        patterns[pkey] = pa;
        changes.Add(new LearningChange("pattern:" + pkey, pb.Mean, pa.Mean, pa, Text.F($"{feedbackRef}: a {subject.Pattern} on {subject.Metric} was {truth}")));

        var passes = new SortedDictionary<string, BetaCounts>(s.Passes, StringComparer.Ordinal);
        foreach (string pass in subject.Passes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            double before = PassThreshold(s, pass);
            var counts = PassCounts(s, pass).AddFraction(t, u);
            passes[pass] = counts;
            var next = s with { Passes = passes };
            changes.Add(new LearningChange("pass:" + pass, before, PassThreshold(next, pass), counts,
                Text.F($"{feedbackRef}: a candidate of pass {pass} was {truth}; its precision is now {Text.N(counts.Mean)} against the target {Text.N(_options.TargetPrecision)}")));
        }

        var state = new LearningState
        {
            Version = s.Version + 1,
            FeedbackCount = s.FeedbackCount + 1,
            Agents = agents,
            Patterns = patterns,
            Passes = passes,
        };
        return (state, changes);
    }

    private static double Weight(BetaCounts c) => Math.Max(0, (2 * c.Mean) - 1);

    private static double Logit(double p)
    {
        double q = Math.Clamp(p, MinConfidence, 1 - MinConfidence);
        return Math.Log(q / (1 - q));
    }
}
