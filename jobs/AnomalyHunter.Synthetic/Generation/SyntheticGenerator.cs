using AnomalyHunter.Synthetic.Model;
using AnomalyHunter.Synthetic.Options;
using AnomalyHunter.Synthetic.Planning;

namespace AnomalyHunter.Synthetic.Generation;

/// <summary>
/// The seeded synthetic metrics generator: builds the series, places the anomalies, then produces the points
/// in memory, series by series, or day by day. The same options give the same values and labels on any machine.
/// </summary>
public sealed class SyntheticGenerator
{
    private readonly SeriesModel[] _models;

    /// <summary>Validates <paramref name="options"/>, draws every series' parameters and places the anomalies.</summary>
    public SyntheticGenerator(SyntheticOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        IReadOnlyList<Topology.Entry> entries = Topology.Build(options);
        var tables = MetricCatalog.All.Select(p => SeasonalTables.Build(p, options.StepsPerDay)).ToArray();
        _models = [.. entries.Select(e => new SeriesModel(e, tables[e.MetricIndex], options))];
        Series = [.. entries.Select(e => e.Info)];
        Labels = new AnomalyPlanner(options, _models).Plan();
    }

    /// <summary>The settings in use.</summary>
    public SyntheticOptions Options { get; }

    /// <summary>The series in generation order.</summary>
    public IReadOnlyList<SeriesInfo> Series { get; }

    /// <summary>One label per injected anomaly, ordered by start.</summary>
    public IReadOnlyList<AnomalyLabel> Labels { get; }

    /// <summary>Total number of points that will be produced (gaps excluded).</summary>
    public long PointCount => ((long)_models.Length * Options.TotalSteps) - _models.Sum(m => m.Effects.Where(e => e.Kind == EffectKind.Gap).Sum(e => (long)(e.End - e.Start + 1)));

    /// <summary>Generates every series in memory (in parallel up to <see cref="SyntheticOptions.Parallelism"/>; the result does not depend on it).</summary>
    public SyntheticDataset Generate()
    {
        var series = new SeriesData[_models.Length];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Options.Parallelism };
        Parallel.For(0, _models.Length, parallel, () => new KernelScratch(), (i, _, scratch) =>
        {
            series[i] = GenerateSeries(i, scratch);
            return scratch;
        }, _ => { });
        return new SyntheticDataset(Options, series, Labels);
    }

    /// <summary>Generates one series in memory.</summary>
    public SeriesData GenerateSeries(int index) => GenerateSeries(index, new KernelScratch());

    /// <summary>Streams the series one at a time, each whole; memory use is a few series (batches of 2 × <see cref="SyntheticOptions.Parallelism"/> are generated in parallel).</summary>
    public IEnumerable<SeriesChunk> EnumerateSeries()
    {
        int total = Options.TotalSteps;
        int batch = Options.Parallelism == 1 ? 1 : 2 * Options.Parallelism;
        var timestamps = new long[batch][];
        var values = new double[batch][];
        var scratch = new KernelScratch[batch];
        var lengths = new int[batch];
        for (int j = 0; j < batch; j++)
        {
            timestamps[j] = new long[total];
            values[j] = new double[total];
            scratch[j] = new KernelScratch();
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Options.Parallelism };
        for (int first = 0; first < _models.Length; first += batch)
        {
            int count = Math.Min(batch, _models.Length - first);
            int from = first;
            if (count == 1)
            {
                lengths[0] = Fill(from, timestamps[0], values[0], scratch[0]);
            }
            else
            {
                Parallel.For(0, count, parallel, j => lengths[j] = Fill(from + j, timestamps[j], values[j], scratch[j]));
            }

            for (int j = 0; j < count; j++)
            {
                yield return new SeriesChunk(_models[first + j].Info, timestamps[j].AsMemory(0, lengths[j]), values[j].AsMemory(0, lengths[j]));
            }
        }
    }

    /// <summary>Streams UTC days, each with every series' points of that day; memory use is one day of all series.</summary>
    public IEnumerable<DayChunk> EnumerateDays()
    {
        int stride = Options.StepsPerDay;
        if ((long)stride * _models.Length > Array.MaxLength)
        {
            throw new InvalidOperationException("One day of every series does not fit in one array; stream by series instead.");
        }

        return EnumerateDaysCore(stride);
    }

    private IEnumerable<DayChunk> EnumerateDaysCore(int stride)
    {
        var cursors = _models.Select(m => new SeriesCursor(m, Options.StartMs, Options.StepMs)).ToArray();
        var timestamps = new long[stride * _models.Length];
        var values = new double[stride * _models.Length];
        var lengths = new int[_models.Length];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Options.Parallelism };
        long stepMs = Options.StepMs;
        int step = 0;
        while (step < Options.TotalSteps)
        {
            // why: the first and last days may be partial when the start is not at midnight UTC.
            long startMs = Options.StartMs + (step * stepMs);
            long dayStartMs = startMs - (startMs % 86_400_000L);
            int steps = (int)Math.Min((dayStartMs + 86_400_000L - startMs) / stepMs, Options.TotalSteps - step);
            Parallel.For(0, cursors.Length, parallel, () => new KernelScratch(), (i, _, scratch) =>
            {
                lengths[i] = cursors[i].Next(steps, timestamps.AsSpan(i * stride, stride), values.AsSpan(i * stride, stride), scratch);
                return scratch;
            }, _ => { });
            var day = DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(dayStartMs).UtcDateTime);
            yield return new DayChunk(day, startMs, steps, stepMs, Series, timestamps, values, lengths, stride);
            step += steps;
        }
    }

    private SeriesData GenerateSeries(int index, KernelScratch scratch)
    {
        int total = Options.TotalSteps;
        var timestamps = new long[total];
        var values = new double[total];
        int n = Fill(index, timestamps, values, scratch);
        if (n < total)
        {
            Array.Resize(ref timestamps, n);
            Array.Resize(ref values, n);
        }

        return new SeriesData(_models[index].Info, timestamps, values);
    }

    private int Fill(int index, long[] timestamps, double[] values, KernelScratch scratch) =>
        new SeriesCursor(_models[index], Options.StartMs, Options.StepMs).Next(Options.TotalSteps, timestamps, values, scratch);

    /// <summary>The model of one series, for tests.</summary>
    internal SeriesModel Model(int index) => _models[index];
}
