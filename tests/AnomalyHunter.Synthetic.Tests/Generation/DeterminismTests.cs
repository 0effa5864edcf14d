using System.Security.Cryptography;
using AnomalyHunter.Synthetic.Generation;
using AnomalyHunter.Synthetic.Model;
using AnomalyHunter.Synthetic.Options;
using AnomalyHunter.Synthetic.Output;

namespace AnomalyHunter.Synthetic.Tests.Generation;

public sealed class DeterminismTests
{
    /// <summary>A small configuration for byte-level comparisons: 24 series over 9 days with a few anomalies of every kind.</summary>
    private static readonly SyntheticOptions Small = SyntheticOptions.Demo with
    {
        Days = 9,
        QuietDays = 7,
        ServicesPerRegion = 1,
        HostsPerService = 2,
        MetricsPerHost = 6,
        Anomalies = new AnomalyCounts { Spike = 2, Dip = 1, LevelShift = 1, TrendChange = 1, VarianceChange = 1, SeasonalityBreak = 1, MissingData = 2, CorrelatedIncident = 1 },
    };

    [Fact]
    public async Task The_same_seed_writes_identical_bytes_and_a_different_seed_does_not()
    {
        string first = await WriteAsync(Small);
        string second = await WriteAsync(Small);
        string other = await WriteAsync(Small with { Seed = 43 });

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task The_output_of_a_fixed_configuration_does_not_change_between_machines_or_versions()
    {
        // Golden digest: if the model changes on purpose, update it and say so in the datasets README's change notes.
        string digest = await WriteAsync(Small);

        Assert.True(digest == GoldenDigest, "The generated files now hash to " + digest);
    }

    [Fact]
    public void In_memory_by_series_and_by_day_generation_give_the_same_points()
    {
        var generator = new SyntheticGenerator(Small);
        SyntheticDataset dataset = generator.Generate();
        var parallel = new SyntheticGenerator(Small with { Parallelism = 2 });

        var bySeries = parallel.EnumerateSeries().ToList();
        for (int i = 0; i < dataset.Series.Count; i++)
        {
            Assert.Equal(dataset.Series[i].Series, bySeries[i].Series);
        }

        var streamed = dataset.Series.Select(_ => (Times: new List<long>(), Values: new List<double>())).ToList();
        foreach (DayChunk day in parallel.EnumerateDays())
        {
            for (int i = 0; i < streamed.Count; i++)
            {
                streamed[i].Times.AddRange(day.TimestampsOf(i).ToArray());
                streamed[i].Values.AddRange(day.ValuesOf(i).ToArray());
            }
        }

        for (int i = 0; i < dataset.Series.Count; i++)
        {
            Assert.Equal(dataset.Series[i].TimestampsMs, streamed[i].Times);
            Assert.Equal(dataset.Series[i].Values, streamed[i].Values);
        }

        Assert.Equal(dataset.PointCount, generator.PointCount);
    }

    [Fact]
    public void Series_streaming_reuses_buffers_but_yields_every_series_in_order()
    {
        var generator = new SyntheticGenerator(Small with { Parallelism = 2 });
        SyntheticDataset dataset = generator.Generate();
        int index = 0;
        foreach (SeriesChunk chunk in generator.EnumerateSeries())
        {
            Assert.Equal(dataset.Series[index].Values, chunk.Values.ToArray());
            Assert.Equal(dataset.Series[index].TimestampsMs, chunk.TimestampsMs.ToArray());
            index++;
        }

        Assert.Equal(dataset.Series.Count, index);
    }

    private const string GoldenDigest = "5CFBE5C73943040A76819F6B7F53C521023D0743B0E91D96FD2620E4372545C1";

    private static async Task<string> WriteAsync(SyntheticOptions options)
    {
        string directory = Path.Combine(Path.GetTempPath(), "ah-synth-" + Guid.NewGuid().ToString("N"));
        try
        {
            await DailyCsvWriter.WriteAsync(new SyntheticGenerator(options), directory, CancellationToken.None);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            foreach (string file in Directory.GetFiles(directory).Order(StringComparer.Ordinal))
            {
                hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(file)));
                hash.AppendData(await File.ReadAllBytesAsync(file));
            }

            return Convert.ToHexString(hash.GetHashAndReset());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
