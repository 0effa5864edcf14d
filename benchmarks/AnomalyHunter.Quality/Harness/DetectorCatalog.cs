using System.Globalization;
using System.Reflection;
using AnomalyHunter.Udfs.Detection;
using AnomalyHunter.Udfs.Detection.Ensemble;
using AnomalyHunter.Udfs.Detection.Novelty;
using AnomalyHunter.Udfs.Detection.Statistical;
using AnomalyHunter.Udfs.Detection.Combined;
using AnomalyHunter.Udfs.Forecast;

namespace AnomalyHunter.Quality.Harness;

/// <summary>The detectors the harness can run, configured from <c>Name=Value</c> overrides of their options.</summary>
public static class DetectorCatalog
{
    /// <summary>Builds the factory of <paramref name="detector"/> with option overrides applied.</summary>
    public static ISeriesScorerFactory Create(string detector, IReadOnlyList<string> overrides) => detector switch
    {
        "ensemble" => new EnsembleScorerFactory(Apply(new EnsembleOptions(), overrides)),
        "statistical" => new StatisticalScorerFactory(Apply(new StatisticalOptions(), overrides)),
        "forecast" => new ForecastScorerFactory(Apply(new ForecastOptions(), overrides)),
        "all-alerting" => new CombinedScorerFactory([new NoveltyScorerFactory(new NoveltyOptions()), new StatisticalScorerFactory(new StatisticalOptions()), new ForecastScorerFactory(new ForecastOptions())]),
        "product" => Scheduler.Configuration.DetectFactory.Scorer(Apply(new Scheduler.Configuration.DetectSettings(), overrides)),
        "robust-z" => new RobustZScorerFactory(Apply(new RobustZOptions(), overrides)),
        "novelty" => new NoveltyScorerFactory(Apply(new NoveltyOptions(), overrides)),
        _ => throw new ArgumentException($"Unknown detector '{detector}' (known: product, all-alerting, ensemble, statistical, forecast, robust-z, novelty).", nameof(detector)),
    };

    /// <summary>Returns a copy of <paramref name="options"/> with each <c>Name=Value</c> override set on the property of that name.</summary>
    public static T Apply<T>(T options, IReadOnlyList<string> overrides)
        where T : class
    {
        foreach (string item in overrides)
        {
            int eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new ArgumentException($"Override '{item}' is not Name=Value.", nameof(overrides));
            }

            string name = item[..eq];
            PropertyInfo property = typeof(T).GetProperty(name, BindingFlags.Public | BindingFlags.Instance)
                ?? throw new ArgumentException($"{typeof(T).Name} has no setting '{name}'.", nameof(overrides));
            string text = item[(eq + 1)..];
            object value = property.PropertyType.IsEnum ? Enum.Parse(property.PropertyType, text, ignoreCase: true)
                : property.PropertyType == typeof(TimeSpan) ? TimeSpan.Parse(text, CultureInfo.InvariantCulture)
                : Convert.ChangeType(text, property.PropertyType, CultureInfo.InvariantCulture);
            property.SetValue(options, value);
        }

        return options;
    }
}
