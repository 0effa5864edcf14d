using AnomalyHunter.Udfs.Kernels;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace AnomalyHunter.Benchmarks;

/// <summary>Exact rolling median and median+MAD per point, on uniform random data (the worst case for the sorted-window moves), against the former sorted-array kernel in the same run.</summary>
/// <remarks>
/// ns per point = the reported mean (OperationsPerInvoke divides by the points); the Ratio column compares each
/// product method with its <see cref="SortedArrayRollingMedianBaseline"/> twin. Windows: 96 (statistical long
/// window), 120 (robust z), 288 (local baseline) and 1024. Run with
/// <c>dotnet run -c Release --project benchmarks/AnomalyHunter.Benchmarks -- --filter *KernelsRollingMedianBenchmarks* --job short --inProcess</c>:
/// in-process because building the generated project of this solution exceeds BenchmarkDotNet's 120 s build timeout on
/// a busy 2-core machine (<c>--buildTimeout 1200</c> is the out-of-process alternative).
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
public class KernelsRollingMedianBenchmarks
{
    private const int Points = 200_000;
    private double[] _values = [];
    private double[] _medians = [];
    private double[] _mads = [];

    [Params(96, 120, 288, 1024)]
    public int Window { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _values = Enumerable.Range(0, Points).Select(_ => random.NextDouble()).ToArray();
        _medians = new double[Points];
        _mads = new double[Points];
    }

    [BenchmarkCategory("Median")]
    [Benchmark(OperationsPerInvoke = Points, Baseline = true)]
    public void SortedArrayMedianPerPoint() => SortedArrayRollingMedianBaseline.Compute(_values, Window, _medians, Span<double>.Empty);

    [BenchmarkCategory("Median")]
    [Benchmark(OperationsPerInvoke = Points)]
    public void MedianPerPoint() => RollingMedian.Compute(_values, Window, _medians);

    [BenchmarkCategory("MedianAndMad")]
    [Benchmark(OperationsPerInvoke = Points, Baseline = true)]
    public void SortedArrayMedianAndMadPerPoint() => SortedArrayRollingMedianBaseline.Compute(_values, Window, _medians, _mads);

    [BenchmarkCategory("MedianAndMad")]
    [Benchmark(OperationsPerInvoke = Points)]
    public void MedianAndMadPerPoint() => RollingMedian.Compute(_values, Window, _medians, _mads);
}
