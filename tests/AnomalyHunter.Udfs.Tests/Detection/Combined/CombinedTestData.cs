using System.Buffers;
using AnomalyHunter.Udfs.Detection;
using AnomalyHunter.Udfs.Detection.Combined;

namespace AnomalyHunter.Udfs.Tests.Detection.Combined;

/// <summary>Five-minute series and batched runs of a combined scorer, as the detect job runs it (save and restore between batches).</summary>
internal static class CombinedTestData
{
    public const long StartMs = 1_767_225_600_000;
    public const long StepMs = 300_000;
    public const int PerDay = 288;

    /// <summary><paramref name="n"/> five-minute timestamps and values <paramref name="value"/>(i, standard normal noise drawn from <paramref name="seed"/>).</summary>
    public static (long[] Ts, double[] Values) Series(int seed, int n, Func<int, double, double> value)
    {
        var random = new Random(seed);
        var ts = new long[n];
        var values = new double[n];
        for (int i = 0; i < n; i++)
        {
            ts[i] = StartMs + (i * StepMs);
            double noise = Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
            values[i] = value(i, noise);
        }

        return (ts, values);
    }

    /// <summary>Runs <paramref name="factory"/>'s scorer over the series in batches of <paramref name="batch"/> points: the alerts, combined deviations and per-pass scores (row-major).</summary>
    public static (double[] Alerts, double[] Deviations, double[] PerPass) Run(CombinedScorerFactory factory, long[] ts, double[] values, int batch)
    {
        int n = values.Length;
        int passes = factory.Alerting.Count;
        var alerts = new double[n];
        var deviations = new double[n];
        var perPass = new double[n * passes];
        var state = new ArrayBufferWriter<byte>();
        ISeriesScorer? scorer = null;
        for (int from = 0; from < n; from += batch)
        {
            int count = Math.Min(batch, n - from);
            scorer = scorer is null ? factory.Create() : factory.Restore(state.WrittenSpan);
            ((ICombinedSeriesScorer)scorer).ScoreAll(ts.AsSpan(from, count), values.AsSpan(from, count), alerts.AsSpan(from, count), deviations.AsSpan(from, count), perPass.AsSpan(from * passes, count * passes));
            state.ResetWrittenCount();
            scorer.WriteState(state);
        }

        return (alerts, deviations, perPass);
    }
}
