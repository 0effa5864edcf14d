using AnomalyHunter.Udfs.Detection;
using AnomalyHunter.Udfs.Detection.Combined;
using AnomalyHunter.Udfs.Detection.Novelty;
using AnomalyHunter.Udfs.Detection.Statistical;
using AnomalyHunter.Udfs.Forecast;

namespace AnomalyHunter.Benchmarks.PassCost;

/// <summary>The shipped passes by name, built from the UDF assembly this code is bound to (so the same names work against a baseline build).</summary>
internal static class PassFactories
{
    /// <summary>The pass named <paramref name="pass"/> with default options: novelty, statistical, forecast, or combined (the three as the detect job combines them by default).</summary>
    public static ISeriesScorerFactory Create(string pass) => pass switch
    {
        "novelty" => new NoveltyScorerFactory(new NoveltyOptions()),
        "statistical" => new StatisticalScorerFactory(new StatisticalOptions()),
        "forecast" => new ForecastScorerFactory(new ForecastOptions()),
        "combined" => Combined(),
        _ => throw new ArgumentException("Unknown pass " + pass, nameof(pass)),
    };

    /// <summary>
    /// Novelty, statistical and forecast combined with the detect job's default settings (novelty alerts, every pass deviates).
    /// </summary>
    // why: built here rather than through the scheduler's settings, whose UDF types belong to the default load context
    // and so cannot be used against a baseline build loaded beside it.
    public static CombinedScorerFactory Combined() => new(
        [Create("novelty"), Create("statistical"), Create("forecast")],
        alerting: ["novelty"],
        agreementMargin: PassCombination.DefaultAgreementMargin,
        family: ScoreScale.DefaultDeviationFamily,
        deviating: null,
        agreementSpan: PassCombination.DefaultAgreementSpan,
        learningPeriod: PassCombination.DefaultLearningPeriod,
        settlingPeriod: PassCombination.DefaultSettlingPeriod,
        settlingMargin: PassCombination.DefaultSettlingMargin,
        learningMargin: PassCombination.DefaultLearningMargin);
}
