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
        GapMinMissing = s.GapMinMissing,
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

        string[] deviating = Split(s.DeviationPasses);
        foreach (string d in deviating.Where(d => !names.Contains(d, StringComparer.Ordinal)))
        {
            throw new OptionsValidationException("Detect:DeviationPasses", $"'{d}' is not one of the configured passes ({s.Passes}).");
        }

        if (s.AgreementSpan is < 1 or > 1000)
        {
            throw new OptionsValidationException("Detect:AgreementSpan", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{s.AgreementSpan} is outside the allowed range 1..1000."));
        }

        if (!(s.AgreementMargin >= 0.0))
        {
            throw new OptionsValidationException("Detect:AgreementMargin", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{s.AgreementMargin} is outside the allowed range 0..infinity."));
        }

        if (!(s.DeviationFamily is >= 1.0 and <= 1e9))
        {
            throw new OptionsValidationException("Detect:DeviationFamily", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{s.DeviationFamily} is outside the allowed range 1..1e9."));
        }

        if (s.LearningPeriod < TimeSpan.Zero || s.LearningPeriod > TimeSpan.FromDays(365))
        {
            throw new OptionsValidationException("Detect:LearningPeriod", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{s.LearningPeriod} is outside the allowed range 0..365 days."));
        }

        if (s.SettlingPeriod < TimeSpan.Zero || s.SettlingPeriod > TimeSpan.FromDays(365))
        {
            throw new OptionsValidationException("Detect:SettlingPeriod", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{s.SettlingPeriod} is outside the allowed range 0..365 days."));
        }

        if (!(s.SettlingMargin >= 0.0))
        {
            throw new OptionsValidationException("Detect:SettlingMargin", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{s.SettlingMargin} is outside the allowed range 0..infinity."));
        }

        if (!(s.LearningMargin >= 0.0) || double.IsPositiveInfinity(s.LearningMargin))
        {
            throw new OptionsValidationException("Detect:LearningMargin", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{s.LearningMargin} is outside the allowed range 0..1e308."));
        }

        return new CombinedScorerFactory(passes, alerting, s.AgreementMargin, s.DeviationFamily, deviating.Length == 0 ? null : deviating, s.AgreementSpan, s.LearningPeriod, s.SettlingPeriod, s.SettlingMargin, s.LearningMargin);
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
