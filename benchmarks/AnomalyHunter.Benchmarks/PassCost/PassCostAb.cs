using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using AnomalyHunter.Benchmarks.DetectScale;
using AnomalyHunter.Synthetic.Generation;
using AnomalyHunter.Synthetic.Options;
using AnomalyHunter.Udfs.Detection;

namespace AnomalyHunter.Benchmarks.PassCost;

/// <summary>
/// The CPU cost per point of one pass in this build against another build of the UDF assembly (the baseline, given by
/// path), alternated in one process: the same code of this class runs once bound to each build (see
/// <see cref="BaselineLoadContext"/>), over the demo series fed day by day as the detect job feeds them, on one thread,
/// timed in process CPU time. The outputs of the two builds must agree bit for bit (their saved states may differ in
/// layout). Prints the best and median CPU ns per point of each build and the baseline ÷ this-build ratios, with the
/// load average, and with saving and restoring, the mean bytes of a saved state of each build.
/// </summary>
internal static class PassCostAb
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Run(string[] args)
    {
        string baseline = PassCostArgs.Get(args, "--baseline", "");
        string pass = PassCostArgs.Get(args, "--pass", "statistical");
        int rounds = int.Parse(PassCostArgs.Get(args, "--rounds", "7"), Inv);
        bool saveRestore = args.Contains("--save-restore");
        long seed = long.Parse(PassCostArgs.Get(args, "--seed", "42"), Inv);
        var dataset = new SyntheticGenerator(SyntheticOptions.Demo with { Seed = seed }).Generate();
        long[][] ts = [.. dataset.Series.Select(s => s.TimestampsMs)];
        double[][] values = [.. dataset.Series.Select(s => s.Values)];
        long points = values.Sum(v => (long)v.Length);

        var product = (Func<string, long[][], double[][], bool, (double, long, double)>)TimeOnce;
        var context = BaselineLoadContext.ForUdfs(baseline);
        var reference = context.Benchmarks().GetType(typeof(PassCostAb).FullName!)!
            .GetMethod(nameof(TimeOnce))!
            .CreateDelegate<Func<string, long[][], double[][], bool, (double, long, double)>>();
        Console.WriteLine(string.Create(Inv, $"pass-cost-ab: {pass}{(saveRestore ? " with state saved and restored each day" : "")}, {values.Length} series, {points:N0} points, {rounds} alternating rounds; load {MachineLoad.OneMinute():F2}"));

        // why: the first run of each build pays for JIT compilation; it is not timed.
        var (_, expected, baselineBytes) = reference(pass, ts, values, saveRestore);
        var (_, actual, productBytes) = product(pass, ts, values, saveRestore);
        if (actual != expected)
        {
            Console.WriteLine("the two builds' outputs differ");
            return 1;
        }

        if (saveRestore)
        {
            Console.WriteLine(string.Create(Inv, $"  saved state: baseline {baselineBytes:N0} bytes, this build {productBytes:N0} bytes (mean of a series after each day)"));
        }

        var times = new[] { new List<double>(), new List<double>() };
        for (int round = 0; round < rounds; round++)
        {
            // why: alternating the order spreads a burst of load from other processes over both builds.
            foreach (int v in round % 2 == 0 ? new[] { 0, 1 } : [1, 0])
            {
                var (ns, checksum, _) = (v == 0 ? reference : product)(pass, ts, values, saveRestore);
                if (checksum != expected)
                {
                    Console.WriteLine("the two builds' outputs differ");
                    return 1;
                }

                times[v].Add(ns);
            }
        }

        string[] names = ["baseline", "this build"];
        for (int v = 0; v < 2; v++)
        {
            Console.WriteLine(string.Create(Inv, $"  {names[v]}: best {times[v].Min():F1} CPU ns/pt, median {Median(times[v]):F1} ({string.Join(", ", times[v].Select(t => t.ToString("F0", Inv)))})"));
        }

        Console.WriteLine(string.Create(Inv, $"  baseline ÷ this build: best {times[0].Min() / times[1].Min():F3}×, median {Median(times[0]) / Median(times[1]):F3}×; load after {MachineLoad.OneMinute():F2}"));
        return 0;
    }

    /// <summary>Scores every series day by day with a fresh scorer of <paramref name="pass"/> and returns the CPU ns per point, a checksum of the outputs and the mean bytes of a saved state.</summary>
    public static (double CpuNanosecondsPerPoint, long Checksum, double MeanStateBytes) TimeOnce(string pass, long[][] ts, double[][] values, bool saveRestore)
    {
        ISeriesScorerFactory factory = PassFactories.Create(pass);
        double[][] first = [.. values.Select(v => new double[v.Length])];
        double[][] second = [.. values.Select(v => new double[v.Length])];
        var writer = new ArrayBufferWriter<byte>();
        long checksum = 0;
        long points = 0;
        long stateBytes = 0;
        long saves = 0;
        using var process = Process.GetCurrentProcess();
        TimeSpan before = process.TotalProcessorTime;
        for (int s = 0; s < values.Length; s++)
        {
            ISeriesScorer scorer = factory.Create();
            foreach (var (start, end) in InMemorySeries.DaySlices(ts[s]))
            {
                int n = end - start;
                if (scorer is IDeviationSeriesScorer two)
                {
                    two.Score(ts[s].AsSpan(start, n), values[s].AsSpan(start, n), first[s].AsSpan(start, n), second[s].AsSpan(start, n));
                }
                else
                {
                    scorer.Score(ts[s].AsSpan(start, n), values[s].AsSpan(start, n), first[s].AsSpan(start, n));
                }

                if (saveRestore)
                {
                    writer.ResetWrittenCount();
                    scorer.WriteState(writer);
                    scorer = factory.Restore(writer.WrittenSpan);
                    stateBytes += writer.WrittenCount;
                    saves++;
                }

                points += n;
            }
        }

        process.Refresh();
        double ns = (process.TotalProcessorTime - before).TotalNanoseconds / points;
        for (int s = 0; s < values.Length; s++)
        {
            for (int i = 0; i < values[s].Length; i++)
            {
                checksum = (checksum * 31) + BitConverter.DoubleToInt64Bits(first[s][i]) + (BitConverter.DoubleToInt64Bits(second[s][i]) * 7);
            }
        }

        return (ns, checksum, saves == 0 ? 0.0 : (double)stateBytes / saves);
    }

    private static double Median(List<double> times) => times.Order().ElementAt(times.Count / 2);
}
