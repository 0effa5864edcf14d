using System.Globalization;
using System.Reflection;
using AnomalyHunter.Udfs.Detection;
using AnomalyHunter.Udfs.Detection.Ensemble;
using AnomalyHunter.Udfs.Detection.Novelty;

namespace AnomalyHunter.Quality.Harness;

/// <summary>The detectors the harness can run, configured from <c>Name=Value</c> overrides of their options.</summary>
public static class DetectorCatalog
{
    /// <summary>Builds the factory of <paramref name="detector"/> with option overrides applied.</summary>
    public static ISeriesScorerFactory Create(string detector, IReadOnlyList<string> overrides) => detector switch
    {
        "ensemble" => new EnsembleScorerFactory(Apply(new EnsembleOptions(), overrides)),
        "robust-z" => new RobustZScorerFactory(Apply(new RobustZOptions(), overrides)),
        "novelty" => new NoveltyScorerFactory(Apply(new NoveltyOptions(), overrides)),
        _ => throw new ArgumentException($"Unknown detector '{detector}' (known: ensemble, robust-z, novelty).", nameof(detector)),
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
            object value = property.PropertyType.IsEnum
                ? Enum.Parse(property.PropertyType, item[(eq + 1)..], ignoreCase: true)
                : Convert.ChangeType(item[(eq + 1)..], property.PropertyType, CultureInfo.InvariantCulture);
            property.SetValue(options, value);
        }

        return options;
    }
}
