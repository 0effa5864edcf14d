using AnomalyHunter.Udfs.Forecast;
using BenchmarkDotNet.Attributes;

namespace AnomalyHunter.Benchmarks;

/// <summary>The forecasting pass: fitting one 10,000-point seasonal series, and scoring per point with a fitted model and with the incremental scorer (refits included).</summary>
/// <remarks>
/// ns per point = the reported mean (OperationsPerInvoke divides by the points). Run with
/// <c>dotnet run -c Release --project benchmarks/AnomalyHunter.Benchmarks -- --filter *KernelsForecastBenchmarks* --job short --inProcess</c>:
/// in-process because building the generated project of this solution exceeds BenchmarkDotNet's 120 s build timeout on
/// a busy 2-core machine (<c>--buildTimeout 1200</c> is the out-of-process alternative).
/// </remarks>
[MemoryDiagnoser]
public class KernelsForecastBenchmarks
{
    private const int FitPoints = 10_000;
    private const int ScorePoints = 100_000;
    private const long StepMs = 300_000L;
    private const int Period = 288;
    private long[] _timestamps = [];
    private double[] _values = [];
    private double[] _scores = [];
    private ForecastOptions _options = new();
    private ForecastScorerFactory _factory = null!;
    private HoltWintersForecaster _fitted = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        int n = FitPoints + ScorePoints;
        _timestamps = Enumerable.Range(0, n).Select(i => 1_700_006_400_000L + (i * StepMs)).ToArray();
        _values = Enumerable.Range(0, n).Select(i => 100.0 + (0.001 * i) + (20.0 * Math.Sin(2.0 * Math.PI * i / Period)) + (2.0 * (random.NextDouble() - 0.5))).ToArray();
        _scores = new double[ScorePoints];
        _options = new ForecastOptions();
        _factory = new ForecastScorerFactory(_options);
        _fitted = HoltWintersForecaster.Fit(_timestamps.AsSpan(0, FitPoints), _values.AsSpan(0, FitPoints), _options)!;
    }

    [Benchmark]
    public double Fit10kPoints() => HoltWintersForecaster.Fit(_timestamps.AsSpan(0, FitPoints), _values.AsSpan(0, FitPoints), _options)!.ResidualSigma;

    [Benchmark(OperationsPerInvoke = ScorePoints)]
    public void ScorePerPointFitted()
    {
        // why: later invocations replay the same points against the evolved state; late points count as the next step, so the work per point is the same.
        _fitted.Score(_timestamps.AsSpan(FitPoints), _values.AsSpan(FitPoints), _scores);
    }

    [Benchmark(OperationsPerInvoke = ScorePoints)]
    public void ScorerPerPointWithRefits()
        => _factory.Create().Score(_timestamps.AsSpan(FitPoints), _values.AsSpan(FitPoints), _scores);
}
