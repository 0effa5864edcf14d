using System.Globalization;
using AnomalyHunter.Synthetic.Generation;
using AnomalyHunter.Synthetic.Model;
using AnomalyHunter.Synthetic.Options;
using AnomalyHunter.Synthetic.Output;

namespace AnomalyHunter.Synthetic.Tests.Output;

public sealed class CsvRoundTripTests
{
    /// <summary>Nine days (two with anomalies) of 42 series, starting at noon so the first and last files are partial.</summary>
    private static readonly SyntheticOptions Options = SyntheticOptions.Demo with
    {
        Days = 9,
        Start = new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero),
        ServicesPerRegion = 1,
        Anomalies = new AnomalyCounts { Spike = 2, Dip = 1, LevelShift = 1, TrendChange = 0, VarianceChange = 1, SeasonalityBreak = 0, MissingData = 3, CorrelatedIncident = 1 },
    };

    [Fact]
    public async Task Daily_csv_files_read_back_to_exactly_the_in_memory_dataset()
    {
        using var temp = new TempDirectory();
        var generator = new SyntheticGenerator(Options);
        SyntheticDataset dataset = generator.Generate();

        CsvWriteResult result = await DailyCsvWriter.WriteAsync(generator, temp.Path, CancellationToken.None);

        string[] dataFiles = [.. Directory.GetFiles(temp.Path, "2026-*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
        Assert.Equal(10, dataFiles.Length);
        Assert.Equal("2026-03-02.csv", dataFiles[0]);
        Assert.Equal("2026-03-11.csv", dataFiles[^1]);
        Assert.True(File.Exists(Path.Combine(temp.Path, "labels.csv")));
        Assert.True(File.Exists(Path.Combine(temp.Path, "labels.json")));
        Assert.Empty(Directory.GetFiles(temp.Path, "*.tmp"));
        Assert.Equal(dataset.PointCount, result.Rows);

        var read = new Dictionary<string, (List<long> Times, List<double> Values)>(StringComparer.Ordinal);
        foreach (string file in dataFiles)
        {
            string[] lines = await File.ReadAllLinesAsync(Path.Combine(temp.Path, file));
            Assert.Equal("timestamp,metric,value,tenant,region,service,host", lines[0]);
            foreach (string line in lines.Skip(1))
            {
                string[] f = line.Split(',');
                Assert.EndsWith("Z", f[0], StringComparison.Ordinal);
                Assert.StartsWith(Path.GetFileNameWithoutExtension(file), f[0], StringComparison.Ordinal);
                string key = SeriesKeyText.Format(f[1], f[3], f[4], f[5], f[6]);
                var time = DateTimeOffset.Parse(f[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                if (!read.TryGetValue(key, out var series))
                {
                    series = ([], []);
                    read[key] = series;
                }

                series.Times.Add(time.ToUnixTimeMilliseconds());
                series.Values.Add(double.Parse(f[2], NumberStyles.Float, CultureInfo.InvariantCulture));
            }
        }

        foreach (SeriesData series in dataset.Series)
        {
            Assert.Equal(series.TimestampsMs, read[series.Series.Key].Times);
            Assert.Equal(series.Values, read[series.Series.Key].Values);
        }
    }

    [Fact]
    public async Task The_single_long_csv_is_the_daily_files_under_one_header()
    {
        using var temp = new TempDirectory();
        var generator = new SyntheticGenerator(Options);
        await DailyCsvWriter.WriteAsync(generator, temp.Path, CancellationToken.None);
        string single = Path.Combine(temp.Path, "all", "long.csv");

        CsvWriteResult result = await LongCsvWriter.WriteAsync(generator, single, CancellationToken.None);

        var expected = new List<string> { CsvTextHeader };
        foreach (string file in Directory.GetFiles(temp.Path, "2026-*.csv").Order(StringComparer.Ordinal))
        {
            expected.AddRange((await File.ReadAllLinesAsync(file)).Skip(1));
        }

        Assert.Equal(expected, await File.ReadAllLinesAsync(single));
        Assert.Equal(expected.Count - 1, result.Rows);
        Assert.Equal(new FileInfo(single).Length, result.Bytes);
    }

    [Fact]
    public async Task The_wide_csv_has_one_column_per_metric_and_empty_cells_in_gaps()
    {
        using var temp = new TempDirectory();
        var generator = new SyntheticGenerator(Options);
        SyntheticDataset dataset = generator.Generate();
        string path = Path.Combine(temp.Path, "wide.csv");

        await WideCsvWriter.WriteAsync(generator, path, CancellationToken.None);

        string[] lines = await File.ReadAllLinesAsync(path);
        Assert.Equal("timestamp,tenant,region,service,host,cpu_utilization,memory_used_gb,request_rate,latency_p95_ms,error_rate,disk_io_util,queue_depth", lines[0]);
        long cells = 0;
        var values = dataset.Series.ToDictionary(s => s.Series.Key, s => s.TimestampsMs.Zip(s.Values).ToDictionary(p => p.First, p => p.Second), StringComparer.Ordinal);
        string[] metrics = lines[0].Split(',')[5..];
        foreach (string line in lines.Skip(1))
        {
            string[] f = line.Split(',');
            long t = DateTimeOffset.Parse(f[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUnixTimeMilliseconds();
            for (int m = 0; m < metrics.Length; m++)
            {
                var series = values[SeriesKeyText.Format(metrics[m], f[1], f[2], f[3], f[4])];
                if (f[5 + m].Length == 0)
                {
                    Assert.False(series.ContainsKey(t));
                    continue;
                }

                Assert.Equal(series[t], double.Parse(f[5 + m], CultureInfo.InvariantCulture));
                cells++;
            }
        }

        Assert.Equal(dataset.PointCount, cells);
    }

    [Fact]
    public async Task Labels_json_reads_back_to_the_same_labels_and_labels_csv_has_a_row_per_affected_series()
    {
        using var temp = new TempDirectory();
        var generator = new SyntheticGenerator(Options);

        await LabelFileWriter.WriteAsync(generator, temp.Path, CancellationToken.None);
        IReadOnlyList<AnomalyLabel> read = await LabelFileReader.ReadJsonAsync(Path.Combine(temp.Path, "labels.json"), CancellationToken.None);

        Assert.Equal(generator.Labels.Count, read.Count);
        for (int i = 0; i < read.Count; i++)
        {
            Assert.Equal(generator.Labels[i] with { Members = [] }, read[i] with { Members = [] });
            Assert.Equal(generator.Labels[i].Members, read[i].Members);
        }

        string[] csv = await File.ReadAllLinesAsync(Path.Combine(temp.Path, "labels.csv"));
        Assert.Equal(LabelFileWriter.CsvHeader, csv[0]);
        Assert.Equal(generator.Labels.Sum(l => l.Members.Count), csv.Length - 1);
        AffectedSeries first = generator.Labels[0].Members[0];
        Assert.Contains("\"" + first.SeriesKey.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"", csv[1], StringComparison.Ordinal);
    }

    private const string CsvTextHeader = "timestamp,metric,value,tenant,region,service,host";
}
