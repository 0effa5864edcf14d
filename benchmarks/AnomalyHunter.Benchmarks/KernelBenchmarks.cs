using AnomalyHunter.Udfs.Detection.Ensemble;
using AnomalyHunter.Udfs.Kernels;
using BenchmarkDotNet.Attributes;

namespace AnomalyHunter.Benchmarks;

/// <summary>Univariate detection kernels: rolling median, Holt–Winters fitting and the whole ensemble, per point.</summary>
[MemoryDiagnoser]
public class KernelBenchmarks
{
    private const int Points = 100_000;
    private const int HoltWintersPoints = 10_000;
    private double[] _values = [];
    private double[] _output = [];
    private long[] _timestamps = [];
    private EnsembleScorerFactory _ensemble = null!;

    [Params(288)]
    public int Window { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _values = Enumerable.Range(0, Points).Select(i => 100.0 + (10.0 * Math.Sin(2.0 * Math.PI * i / 288.0)) + random.NextDouble()).ToArray();
        _output = new double[Points];
        _timestamps = Enumerable.Range(0, Points).Select(i => 1_396_310_400_000L + (i * 300_000L)).ToArray();
        _ensemble = new EnsembleScorerFactory(new EnsembleOptions());
    }

    [Benchmark(OperationsPerInvoke = Points)]
    public void RollingMedianPerPoint() => RollingMedian.Compute(_values, Window, _output);

    [Benchmark]
    public double HoltWintersFit10kPoints() => HoltWinters.Fit(_values.AsSpan(0, HoltWintersPoints), Window).SumSquaredErrors;

    [Benchmark(OperationsPerInvoke = Points)]
    public void EnsemblePerPoint() => _ensemble.Create().Score(_timestamps, _values, _output);
}
