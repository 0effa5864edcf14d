using System.Diagnostics;
using System.Globalization;
using AnomalyHunter.Benchmarks.DetectScale;
using AnomalyHunter.Udfs.Kernels;

namespace AnomalyHunter.Benchmarks;

/// <summary>
/// The rolling median kernel against its former sorted-array version (<see cref="SortedArrayRollingMedianBaseline"/>),
/// alternated in one process, timed in process CPU time so that other processes on the shared machine weigh less than in
/// wall time. For each window and round, each of the four variants (median and median+MAD, baseline and product) runs
/// once over the same uniform random series, in alternating order; the outputs of the two kernels must agree bit for bit.
/// Prints, per window, the best and the median CPU ns per point of every variant and the baseline ÷ product ratios.
/// </summary>
internal static class RollingMedianAbBenchmark
{
    public static int Run(string[] args)
    {
        int[] windows = Arg(args, "--windows", "96,120,288,1024").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        int points = int.Parse(Arg(args, "--points", "2000000"), CultureInfo.InvariantCulture);
        int rounds = int.Parse(Arg(args, "--rounds", "7"), CultureInfo.InvariantCulture);
        var random = new Random(42);
        double[] values = Enumerable.Range(0, points).Select(_ => random.NextDouble()).ToArray();
        var medians = new double[points];
        var mads = new double[points];
        var expectedMedians = new double[points];
        var expectedMads = new double[points];
        Console.WriteLine($"rolling-median-ab: {points:N0} uniform points, {rounds} alternating rounds, CPU ns per point; load {MachineLoad.OneMinute():F2}");
        Console.WriteLine("| window | variant | best ns/pt | median ns/pt | M points/s (best) |");
        Console.WriteLine("|---:|---|---:|---:|---:|");
        foreach (int window in windows)
        {
            var times = new List<double>[4];
            for (int v = 0; v < 4; v++)
            {
                times[v] = [];
            }

            for (int round = 0; round < rounds; round++)
            {
                // why: alternating the order spreads a burst of load from other processes over both kernels.
                int[] order = round % 2 == 0 ? [0, 1, 2, 3] : [3, 2, 1, 0];
                foreach (int v in order)
                {
                    times[v].Add(CpuNanosecondsPerPoint(() =>
                    {
                        switch (v)
                        {
                            case 0:
                                SortedArrayRollingMedianBaseline.Compute(values, window, expectedMedians, Span<double>.Empty);
                                break;
                            case 1:
                                RollingMedian.Compute(values, window, medians);
                                break;
                            case 2:
                                SortedArrayRollingMedianBaseline.Compute(values, window, expectedMedians, expectedMads);
                                break;
                            default:
                                RollingMedian.Compute(values, window, medians, mads);
                                break;
                        }
                    }, points));
                }

                if (!expectedMedians.AsSpan().SequenceEqual(medians) || !expectedMads.AsSpan().SequenceEqual(mads))
                {
                    Console.WriteLine($"window {window}: the kernels disagree");
                    return 1;
                }
            }

            string[] names = ["baseline median", "median", "baseline median+MAD", "median+MAD"];
            for (int v = 0; v < 4; v++)
            {
                double best = times[v].Min();
                double median = times[v].Order().ElementAt(times[v].Count / 2);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {window} | {names[v]} | {best:F1} | {median:F1} | {1000.0 / best:F1} |"));
            }

            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {window} | ratio baseline ÷ product (best; median) | median {times[0].Min() / times[1].Min():F2}×; {Median(times[0]) / Median(times[1]):F2}× | +MAD {times[2].Min() / times[3].Min():F2}×; {Median(times[2]) / Median(times[3]):F2}× | |"));
        }

        Console.WriteLine($"load after: {MachineLoad.OneMinute():F2}");
        return 0;
    }

    private static double Median(List<double> times) => times.Order().ElementAt(times.Count / 2);

    private static double CpuNanosecondsPerPoint(Action run, int points)
    {
        using var process = Process.GetCurrentProcess();
        TimeSpan before = process.TotalProcessorTime;
        run();
        process.Refresh();
        return (process.TotalProcessorTime - before).TotalNanoseconds / points;
    }

    private static string Arg(string[] args, string name, string fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
