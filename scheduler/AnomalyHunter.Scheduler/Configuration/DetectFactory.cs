using AnomalyHunter.Jobs.Detect;
using AnomalyHunter.Udfs.Detection;
using AnomalyHunter.Udfs.Detection.Combined;
using AnomalyHunter.Udfs.Detection.Novelty;
using AnomalyHunter.Udfs.Detection.Statistical;
using AnomalyHunter.Udfs.Forecast;
using AnomalyHunter.Udfs.Multivariate;
using AnomalyHunter.Udfs.Options;

namespace AnomalyHunter.Scheduler.Configuration;

/// <summary>Turns detect settings into the job's options and the configured passes.</summary>
internal static class DetectFactory
{
    /// <summary>The pass names the settings accept.</summary>
    public static readonly string[] KnownPasses = ["novelty", "statistical", "forecast", "robust-z"];

    public static DetectOptions Options(DetectSettings s) => new()
    {
        Threshold = s.Threshold,
        MergeGap = s.MergeGap,
        Parallelism = s.Parallelism,
        SeriesPerBatch = s.SeriesPerBatch,
    };

    /// <summary>Validates every setting of the detect section.</summary>
    public static void Validate(DetectSettings s)
    {
        Options(s).Validate();
        _ = Scorer(s);
        _ = Groups(s);
    }

    /// <summary>The configured univariate passes as one combined scorer.</summary>
    public static CombinedScorerFactory Scorer(DetectSettings s)
    {
        string[] names = Split(s.Passes);
        if (names.Length == 0)
        {
            throw new OptionsValidationException("Detect:Passes", $"is empty; choose one or more of: {string.Join(", ", KnownPasses)}.");
        }

        var passes = names.Select(name => name switch
        {
            "novelty" => Validated<ISeriesScorerFactory>(() => new NoveltyScorerFactory(s.Novelty)),
            "statistical" => Validated<ISeriesScorerFactory>(() => new StatisticalScorerFactory(s.Statistical)),
            "forecast" => Validated<ISeriesScorerFactory>(() => new ForecastScorerFactory(s.Forecast)),
            "robust-z" => Validated<ISeriesScorerFactory>(() => new RobustZScorerFactory(s.RobustZ)),
            _ => throw new OptionsValidationException("Detect:Passes", $"'{name}' is not one of: {string.Join(", ", KnownPasses)}."),
        }).ToList();
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Length)
        {
            throw new OptionsValidationException("Detect:Passes", "names a pass twice.");
        }

        string[] alerting = Split(s.AlertPasses);
        foreach (string a in alerting.Where(a => !names.Contains(a, StringComparer.Ordinal)))
        {
            throw new OptionsValidationException("Detect:AlertPasses", $"'{a}' is not one of the configured passes ({s.Passes}).");
        }

        return new CombinedScorerFactory(passes, alerting);
    }

    /// <summary>The multivariate group pass, or null when <c>Detect:GroupBy</c> is empty.</summary>
    public static GroupPassOptions? Groups(DetectSettings s) =>
        string.IsNullOrWhiteSpace(s.GroupBy) ? null : new GroupPassOptions(s.GroupBy.Trim(), Validated(() => new PcaGroupScorerFactory(s.Pca)));

    private static string[] Split(string list) =>
        [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static T Validated<T>(Func<T> create)
    {
        try
        {
            return create();
        }
        catch (ArgumentException ex)
        {
            throw new OptionsValidationException(ex.Message, ex);
        }
    }
}
