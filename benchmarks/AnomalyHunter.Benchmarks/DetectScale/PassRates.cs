using System.Diagnostics;
using AnomalyHunter.Jobs.Detect;
using AnomalyHunter.Udfs.Detection;
using AnomalyHunter.Udfs.Detection.Combined;
using AnomalyHunter.Udfs.Multivariate;

namespace AnomalyHunter.Benchmarks.DetectScale;

/// <summary>Each pass run alone over the same in-memory series, day slice by day slice as the job feeds it, on all workers.</summary>
internal static class PassRates
{
    /// <summary>Times one univariate pass (its two outputs when it has them) over every series.</summary>
    public static (double Seconds, double CpuSeconds) Univariate(InMemorySeries data, ISeriesScorerFactory factory, int parallelism) =>
        Timed(() => Parallel.For(0, data.Series.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, () => new Scratch(), (s, _, scratch) =>
        {
            var (ts, values) = data.Series[s];
            var scorer = factory.Create();
            foreach (var (start, end) in InMemorySeries.DaySlices(ts))
            {
                int n = end - start;
                scratch.Ensure(n, 1);
                if (scorer is IDeviationSeriesScorer two)
                {
                    two.Score(ts.AsSpan(start, n), values.AsSpan(start, n), scratch.A.AsSpan(0, n), scratch.B.AsSpan(0, n));
                }
                else
                {
                    scorer.Score(ts.AsSpan(start, n), values.AsSpan(start, n), scratch.A.AsSpan(0, n));
                }
            }

            return scratch;
        }, _ => { }));

    /// <summary>Times the combined scorer (all univariate passes and their combination) over every series.</summary>
    public static (double Seconds, double CpuSeconds) Combined(InMemorySeries data, CombinedScorerFactory factory, int parallelism) =>
        Timed(() => Parallel.For(0, data.Series.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, () => new Scratch(), (s, _, scratch) =>
        {
            var (ts, values) = data.Series[s];
            var scorer = (ICombinedSeriesScorer)factory.Create();
            int k = factory.Passes.Count;
            foreach (var (start, end) in InMemorySeries.DaySlices(ts))
            {
                int n = end - start;
                scratch.Ensure(n, k);
                scorer.ScoreAll(ts.AsSpan(start, n), values.AsSpan(start, n), scratch.A.AsSpan(0, n), scratch.B.AsSpan(0, n), scratch.C.AsSpan(0, n * k));
            }

            return scratch;
        }, _ => { }));

    /// <summary>
    /// Times the combined scorer day by day over all series, as the job feeds a batch: every state stays live for the whole
    /// run and is cold again each day, where <see cref="Combined"/> runs each series through all its days and drops its
    /// state young. The difference is what the job's day-by-day order costs the passes.
    /// </summary>
    public static (double Seconds, double CpuSeconds) CombinedDayMajor(InMemorySeries data, CombinedScorerFactory factory, int parallelism)
    {
        var slices = data.Series.Select(s => InMemorySeries.DaySlices(s.Ts).ToArray()).ToArray();
        int days = slices.Max(s => s.Length);
        var scorers = new ICombinedSeriesScorer[data.Series.Count];
        int k = factory.Passes.Count;
        return Timed(() =>
        {
            for (int day = 0; day < days; day++)
            {
                Parallel.For(0, data.Series.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, () => new Scratch(), (s, _, scratch) =>
                {
                    if (day >= slices[s].Length)
                    {
                        return scratch;
                    }

                    var (ts, values) = data.Series[s];
                    var scorer = scorers[s] ??= (ICombinedSeriesScorer)factory.Create();
                    var (start, end) = slices[s][day];
                    int n = end - start;
                    scratch.Ensure(n, k);
                    scorer.ScoreAll(ts.AsSpan(start, n), values.AsSpan(start, n), scratch.A.AsSpan(0, n), scratch.B.AsSpan(0, n), scratch.C.AsSpan(0, n * k));
                    return scratch;
                }, _ => { });
            }
        });
    }

    /// <summary>Times the PCA pass over every group: members aligned per day, then scored with contributions.</summary>
    public static (double Seconds, double CpuSeconds) Pca(InMemorySeries data, PcaGroupScorerFactory factory, int parallelism) =>
        Timed(() => Parallel.For(0, data.Groups.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, g =>
        {
            int[] members = data.Groups[g];
            var scorer = factory.Create(members.Length);
            // why: members are aligned day by day (by day number), as the job aligns the members' rows of one day's block.
            var slices = members.Select(m => InMemorySeries.DaySlices(data.Series[m].Ts).ToDictionary(x => data.Series[m].Ts[x.Start] / 86_400_000L)).ToArray();
            foreach (long day in slices.SelectMany(s => s.Keys).Distinct().Order())
            {
                var columns = members.Select((m, j) => slices[j].TryGetValue(day, out var x)
                    ? (data.Series[m].Ts, data.Series[m].Values, x.Start, x.End)
                    : (data.Series[m].Ts, data.Series[m].Values, 0, 0)).ToList();
                var (rows, matrix) = GroupAligner.Align(columns);
                int n = rows.Length;
                scorer.Score(rows, matrix, new double[n], new double[n * members.Length], new double[n * members.Length]);
            }
        }));

    private static (double Seconds, double CpuSeconds) Timed(Action run)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        run();
        double seconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        return (seconds, (process.TotalProcessorTime - cpu).TotalSeconds);
    }

    private sealed class Scratch
    {
        public double[] A { get; private set; } = [];

        public double[] B { get; private set; } = [];

        public double[] C { get; private set; } = [];

        public void Ensure(int n, int k)
        {
            if (A.Length < n || C.Length < n * k)
            {
                A = new double[n];
                B = new double[n];
                C = new double[n * k];
            }
        }
    }
}
