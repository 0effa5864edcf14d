using AnomalyHunter.Udfs.Kernels;
using BenchmarkDotNet.Attributes;

namespace AnomalyHunter.Benchmarks;

/// <summary>Exact rolling median and median+MAD per point, on uniform random data (the worst case for the sorted-window moves).</summary>
/// <remarks>
/// ns per point = the reported mean (OperationsPerInvoke divides by the points). Run with
/// <c>dotnet run -c Release --project benchmarks/AnomalyHunter.Benchmarks -- --filter *KernelsRollingMedianBenchmarks* --job short --inProcess</c>:
/// in-process because building the generated project of this solution exceeds BenchmarkDotNet's 120 s build timeout on
/// a busy 2-core machine (<c>--buildTimeout 1200</c> is the out-of-process alternative).
/// </remarks>
[MemoryDiagnoser]
public class KernelsRollingMedianBenchmarks
{
    private const int Points = 200_000;
    private double[] _values = [];
    private double[] _medians = [];
    private double[] _mads = [];

    [Params(64, 256, 1024)]
    public int Window { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _values = Enumerable.Range(0, Points).Select(_ => random.NextDouble()).ToArray();
        _medians = new double[Points];
        _mads = new double[Points];
    }

    [Benchmark(OperationsPerInvoke = Points)]
    public void MedianPerPoint() => RollingMedian.Compute(_values, Window, _medians);

    [Benchmark(OperationsPerInvoke = Points)]
    public void MedianAndMadPerPoint() => RollingMedian.Compute(_values, Window, _medians, _mads);
}
