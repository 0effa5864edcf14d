using System.Globalization;
using AnomalyHunter.Synthetic.Options;

namespace AnomalyHunter.Synthetic.Scoring;

/// <summary>Settings of <see cref="DetectionScorer"/>.</summary>
public sealed record ScoringOptions
{
    /// <summary>Default tolerance after the end of a label, in steps.</summary>
    public const int DefaultToleranceSteps = 3;

    /// <summary>Steps after a label's end during which an overlapping window still counts (detectors confirm late); 0 to 1000.</summary>
    public int ToleranceSteps { get; init; } = DefaultToleranceSteps;

    /// <summary>Length of one step; 1 second to 1 day.</summary>
    public TimeSpan Step { get; init; } = SyntheticOptions.DefaultStep;

    /// <summary>The tolerance as a duration.</summary>
    public TimeSpan Tolerance => Step * ToleranceSteps;

    /// <summary>Throws <see cref="SyntheticOptionsException"/> naming the first setting outside its allowed range.</summary>
    public void Validate()
    {
        if (ToleranceSteps is < 0 or > 1000)
        {
            throw new SyntheticOptionsException("Scoring:ToleranceSteps", string.Create(CultureInfo.InvariantCulture, $"{ToleranceSteps} is outside the allowed range 0..1000 steps."));
        }

        if (Step < TimeSpan.FromSeconds(1) || Step > TimeSpan.FromDays(1))
        {
            throw new SyntheticOptionsException("Scoring:Step", string.Create(CultureInfo.InvariantCulture, $"{Step} is outside the allowed range 00:00:01..1.00:00:00."));
        }
    }
}
