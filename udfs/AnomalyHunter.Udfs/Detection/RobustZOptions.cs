using AnomalyHunter.Udfs.Options;

namespace AnomalyHunter.Udfs.Detection;

/// <summary>Settings of the rolling median/MAD detector.</summary>
public sealed record RobustZOptions
{
    /// <summary>Default trailing window length in points.</summary>
    public const int DefaultWindow = 120;

    /// <summary>Default number of points needed before a point is scored.</summary>
    public const int DefaultMinHistory = 30;

    /// <summary>Trailing window length in points (the current point excluded); 8 to 100000.</summary>
    public int Window { get; init; } = DefaultWindow;

    /// <summary>Points of history needed before scoring starts; 3 to <see cref="Window"/>.</summary>
    public int MinHistory { get; init; } = DefaultMinHistory;

    /// <summary>Throws when a setting is outside its allowed range.</summary>
    public void Validate()
    {
        if (Window is < 8 or > 100_000)
        {
            throw new OptionsValidationException("Detect:RobustZ:Window", $"{Window} is outside the allowed range 8..100000 points.");
        }

        if (MinHistory < 3 || MinHistory > Window)
        {
            throw new OptionsValidationException("Detect:RobustZ:MinHistory", $"{MinHistory} is outside the allowed range 3..Window ({Window}).");
        }
    }
}
