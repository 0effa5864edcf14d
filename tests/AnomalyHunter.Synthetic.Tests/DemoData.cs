using AnomalyHunter.Synthetic.Generation;
using AnomalyHunter.Synthetic.Model;
using AnomalyHunter.Synthetic.Options;

namespace AnomalyHunter.Synthetic.Tests;

/// <summary>The demo dataset and its anomaly-free twin (same seed), generated once per test run.</summary>
internal static class DemoData
{
    public static SyntheticOptions Options { get; } = SyntheticOptions.Demo with { Seed = long.Parse(Environment.GetEnvironmentVariable("AH_SYNTH_SEED") ?? "42", System.Globalization.CultureInfo.InvariantCulture) };

    private static readonly Lazy<SyntheticGenerator> LazyGenerator = new(() => new SyntheticGenerator(Options));
    private static readonly Lazy<SyntheticDataset> LazyDataset = new(() => Generator.Generate());
    private static readonly Lazy<SyntheticDataset> LazyClean = new(() =>
        new SyntheticGenerator(Options with { Anomalies = AnomalyCounts.None }).Generate());

    public static SyntheticGenerator Generator => LazyGenerator.Value;

    public static SyntheticDataset Dataset => LazyDataset.Value;

    /// <summary>The same series without anomalies: its noise draws are identical, so differences show exactly what was injected.</summary>
    public static SyntheticDataset Clean => LazyClean.Value;

    /// <summary>Index of the step of <paramref name="time"/> from the start.</summary>
    public static int StepOf(DateTimeOffset time) => (int)((time - Options.Start).Ticks / Options.Step.Ticks);

    /// <summary>Values of <paramref name="key"/> by step, NaN where a point is absent.</summary>
    public static double[] ByStep(SyntheticDataset dataset, string key)
    {
        SeriesData series = dataset.Find(key) ?? throw new InvalidOperationException("No series " + key);
        var values = new double[Options.TotalSteps];
        Array.Fill(values, double.NaN);
        for (int i = 0; i < series.TimestampsMs.Length; i++)
        {
            values[(series.TimestampsMs[i] - Options.StartMs) / Options.StepMs] = series.Values[i];
        }

        return values;
    }
}
