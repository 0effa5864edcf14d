using System.Globalization;
using AnomalyHunter.Udfs.Options;

namespace AnomalyHunter.Investigation.Learning;

/// <summary>Priors and gains of the learning rule. Bound from <c>Investigate:Learning</c>.</summary>
public sealed record LearningOptions
{
    /// <summary>Default prior α of an agent's accuracy (with β = 1: agents start at 2/3 accuracy, weight 1/3).</summary>
    public const double DefaultAgentPriorAlpha = 2;

    /// <summary>Default prior β of an agent's accuracy.</summary>
    public const double DefaultAgentPriorBeta = 1;

    /// <summary>Default prior α and β of a pattern's rate of real anomalies (uniform: 0.5).</summary>
    public const double DefaultPatternPrior = 1;

    /// <summary>Default precision each pass should reach; its threshold rises when it is lower.</summary>
    public const double DefaultTargetPrecision = 0.8;

    /// <summary>Default weight, in verdicts, of the pass precision prior (centred on the target).</summary>
    public const double DefaultPassPriorStrength = 4;

    /// <summary>Default threshold of every pass before any feedback (the detector's own threshold).</summary>
    public const double DefaultBaseThreshold = Udfs.Detection.ScoreScale.DefaultThreshold;

    /// <summary>Default score points by which a pass's threshold moves per unit of precision shortfall.</summary>
    public const double DefaultThresholdGain = 10;

    /// <summary>Default weight of a <c>partial</c> feedback relative to correct/incorrect.</summary>
    public const double DefaultPartialWeight = 0.5;

    /// <summary>Prior α of an agent's accuracy per pattern (0.01 to 1000).</summary>
    public double AgentPriorAlpha { get; init; } = DefaultAgentPriorAlpha;

    /// <summary>Prior β of an agent's accuracy per pattern (0.01 to 1000).</summary>
    public double AgentPriorBeta { get; init; } = DefaultAgentPriorBeta;

    /// <summary>Prior α and β of the rate of real anomalies per pattern and metric (0.01 to 1000).</summary>
    public double PatternPrior { get; init; } = DefaultPatternPrior;

    /// <summary>Precision each pass should reach (0.5 to 0.99).</summary>
    public double TargetPrecision { get; init; } = DefaultTargetPrecision;

    /// <summary>Strength of the pass precision prior, in verdicts (0.1 to 1000).</summary>
    public double PassPriorStrength { get; init; } = DefaultPassPriorStrength;

    /// <summary>Threshold of every pass before feedback (0 to 100).</summary>
    public double BaseThreshold { get; init; } = DefaultBaseThreshold;

    /// <summary>Score points per unit of precision shortfall (0 to 200).</summary>
    public double ThresholdGain { get; init; } = DefaultThresholdGain;

    /// <summary>Weight of partial feedback (0 to 1).</summary>
    public double PartialWeight { get; init; } = DefaultPartialWeight;

    /// <summary>Throws <see cref="OptionsValidationException"/> naming the first setting outside its range.</summary>
    public void Validate()
    {
        Check(AgentPriorAlpha is >= 0.01 and <= 1000, "AgentPriorAlpha", AgentPriorAlpha, "0.01..1000");
        Check(AgentPriorBeta is >= 0.01 and <= 1000, "AgentPriorBeta", AgentPriorBeta, "0.01..1000");
        Check(PatternPrior is >= 0.01 and <= 1000, "PatternPrior", PatternPrior, "0.01..1000");
        Check(TargetPrecision is >= 0.5 and <= 0.99, "TargetPrecision", TargetPrecision, "0.5..0.99");
        Check(PassPriorStrength is >= 0.1 and <= 1000, "PassPriorStrength", PassPriorStrength, "0.1..1000");
        Check(BaseThreshold is >= 0 and <= 100, "BaseThreshold", BaseThreshold, "0..100");
        Check(ThresholdGain is >= 0 and <= 200, "ThresholdGain", ThresholdGain, "0..200");
        Check(PartialWeight is >= 0 and <= 1, "PartialWeight", PartialWeight, "0..1");
    }

    private static void Check(bool ok, string name, double value, string range)
    {
        if (!ok || double.IsNaN(value))
        {
            throw new OptionsValidationException("Investigate:Learning:" + name,
                string.Create(CultureInfo.InvariantCulture, $"{value} is outside the allowed range {range}."));
        }
    }
}
