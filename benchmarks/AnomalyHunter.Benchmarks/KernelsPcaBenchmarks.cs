using AnomalyHunter.Udfs.Multivariate;
using AnomalyHunter.Udfs.Sampling;
using BenchmarkDotNet.Attributes;

namespace AnomalyHunter.Benchmarks;

/// <summary>The PCA pass: fitting a group, scoring rows of a fitted model (with contributions), and the stratified sampler.</summary>
/// <remarks>
/// ns per point = the reported mean (OperationsPerInvoke divides by the points). Run with
/// <c>dotnet run -c Release --project benchmarks/AnomalyHunter.Benchmarks -- --filter *KernelsPcaBenchmarks* --job short --inProcess</c>:
/// in-process because building the generated project of this solution exceeds BenchmarkDotNet's 120 s build timeout on
/// a busy 2-core machine (<c>--buildTimeout 1200</c> is the out-of-process alternative).
/// </remarks>
[MemoryDiagnoser]
public class KernelsPcaBenchmarks
{
    private const int FitRows = 4096;
    private const int ScoreRows = 20_000;
    private const long StepMs = 300_000L;
    private long[] _timestamps = [];
    private double[] _matrix = [];
    private double[] _t2 = [];
    private double[] _spe = [];
    private PcaModel _model = null!;
    private long[] _sampleTimestamps = [];

    [Params(6, 20, 50)]
    public int Series { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(3);
        int n = FitRows + ScoreRows;
        _timestamps = Enumerable.Range(0, n).Select(i => 1_700_006_400_000L + (i * StepMs)).ToArray();
        _matrix = new double[n * Series];
        for (int i = 0; i < n; i++)
        {
            double f1 = random.NextDouble() - 0.5;
            double f2 = random.NextDouble() - 0.5;
            for (int j = 0; j < Series; j++)
            {
                _matrix[(i * Series) + j] = (j * 10.0) + ((j % 3) * f1 * 4.0) + ((j % 2) * f2 * 3.0) + random.NextDouble();
            }
        }

        _t2 = new double[Series];
        _spe = new double[Series];
        _model = PcaModel.Fit(_timestamps.AsSpan(0, FitRows), _matrix.AsSpan(0, FitRows * Series), Series, new PcaOptions());
        _sampleTimestamps = Enumerable.Range(0, 1_000_000).Select(i => 1_700_006_400_000L + (i * 60_000L)).ToArray();
    }

    [Benchmark]
    public int Fit4096Rows() => PcaModel.Fit(_timestamps.AsSpan(0, FitRows), _matrix.AsSpan(0, FitRows * Series), Series, new PcaOptions()).Components;

    [Benchmark(OperationsPerInvoke = ScoreRows)]
    public double ScorePerRowWithContributions()
    {
        double sum = 0.0;
        ReadOnlySpan<double> rows = _matrix.AsSpan(FitRows * Series);
        for (int i = 0; i < ScoreRows; i++)
        {
            sum += _model.Score(rows.Slice(i * Series, Series), _t2, _spe).Score;
        }

        return sum;
    }

    [Benchmark]
    public int StratifiedSampleOf1MillionPoints() => StratifiedSampler.Select(_sampleTimestamps, new StratifiedSampleOptions()).Indices.Length;
}
