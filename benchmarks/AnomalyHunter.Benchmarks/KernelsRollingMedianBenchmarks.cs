using AnomalyHunter.Udfs.Kernels;
using BenchmarkDotNet.Attributes;

namespace AnomalyHunter.Benchmarks;

/// <summary>Exact rolling median and median+MAD per point, on uniform random data (the worst case for the sorted-window moves).</summary>
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
