using System.Buffers;
using AnomalyHunter.Udfs.Detection;

namespace AnomalyHunter.Quality.Harness;

/// <summary>Scores a series the way the production pipeline does: one batch per UTC day, state saved and restored between batches.</summary>
public static class DailyBatchRunner
{
    private const long MillisecondsPerDay = 86_400_000L;

    /// <summary>One score per row of <paramref name="values"/>; a fresh scorer is restored from the saved bytes for every day after the first.</summary>
    /// <remarks>For scorers with two outputs (<see cref="IDeviationSeriesScorer"/>), <paramref name="stream"/> picks the alert or the deviation output.</remarks>
    public static double[] Run(ISeriesScorerFactory factory, long[] timestampsMs, double[] values, ScoreStream stream = ScoreStream.Deviation)
    {
        (double[] alerts, double[]? deviations) = RunWithDeviations(factory, timestampsMs, values);
        return stream == ScoreStream.Deviation && deviations is not null ? deviations : alerts;
    }

    /// <summary>Like <see cref="Run"/>, but also returns the deviation score of each row when the scorer has that output (else null).</summary>
    public static (double[] Alerts, double[]? Deviations) RunWithDeviations(ISeriesScorerFactory factory, long[] timestampsMs, double[] values)
    {
        var alerts = new double[values.Length];
        double[]? deviations = factory.Create() is IDeviationSeriesScorer ? new double[values.Length] : null;
        var state = new ArrayBufferWriter<byte>();
        ISeriesScorer? scorer = null;
        int start = 0;
        while (start < values.Length)
        {
            long day = Math.DivRem(timestampsMs[start], MillisecondsPerDay, out long rem) - (rem < 0 ? 1 : 0);
            long nextDayMs = (day + 1) * MillisecondsPerDay;
            int end = start;
            while (end < values.Length && timestampsMs[end] < nextDayMs)
            {
                end++;
            }

            scorer = scorer is null ? factory.Create() : factory.Restore(state.WrittenSpan);
            var ts = timestampsMs.AsSpan(start, end - start);
            var v = values.AsSpan(start, end - start);
            if (deviations is not null && scorer is IDeviationSeriesScorer twoOutputs)
            {
                twoOutputs.Score(ts, v, alerts.AsSpan(start, end - start), deviations.AsSpan(start, end - start));
            }
            else
            {
                scorer.Score(ts, v, alerts.AsSpan(start, end - start));
            }

            state.ResetWrittenCount();
            scorer.WriteState(state);
            start = end;
        }

        return (alerts, deviations);
    }

    /// <summary>One score per row from a single scorer over the whole series (a backfill).</summary>
    public static double[] RunOnce(ISeriesScorerFactory factory, long[] timestampsMs, double[] values, ScoreStream stream = ScoreStream.Deviation)
    {
        var scores = new double[values.Length];
        var alerts = new double[values.Length];
        ISeriesScorer scorer = factory.Create();
        Score(scorer, timestampsMs, values, scores, alerts, stream);
        return stream == ScoreStream.Alert && scorer is IDeviationSeriesScorer ? alerts : scores;
    }

    private static void Score(ISeriesScorer scorer, ReadOnlySpan<long> ts, ReadOnlySpan<double> values, Span<double> scores, Span<double> alerts, ScoreStream stream)
    {
        if (scorer is IDeviationSeriesScorer twoOutputs)
        {
            twoOutputs.Score(ts, values, alerts, scores);
        }
        else
        {
            scorer.Score(ts, values, scores);
        }
    }
}
