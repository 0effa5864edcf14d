using System.Globalization;
using AnomalyHunter.Lakehouse.Ingest;

namespace AnomalyHunter.Lakehouse.Tests.Ingest;

public sealed class SampleDatasetTests
{
    private static readonly string Datasets = FindDatasets();

    public static TheoryData<string> DemoFiles() =>
    [
        "data_api_latency_drift.csv", "data_cache_miss.csv", "data_database_spike.csv", "data_disk_saturation.csv",
        "data_error_spike.csv", "data_memory_leak.csv", "data_network_loss.csv",
    ];

    [Theory]
    [MemberData(nameof(DemoFiles))]
    public async Task Each_demo_scenario_file_reads_cleanly_as_a_long_file_with_one_series(string name)
    {
        string path = Path.Combine(Datasets, "anomaly-hunter-demo", name);
        int rows = (await File.ReadAllLinesAsync(path)).Length - 1;

        IngestResult result = await IngestTempFolder.ReadAsync(path);

        Assert.Empty(result.Rejected);
        Assert.Equal(rows, result.Points.Count);
        var key = Assert.Single(result.Points.Select(p => p.Key).Distinct());
        Assert.NotNull(key.Label("source"));
        Assert.Equal(IngestTempFolder.Ms("2024-10-17T00:00:00Z"), result.Points[0].TimestampMs);
        Assert.True(result.Points.Zip(result.Points.Skip(1)).All(pair => pair.First.TimestampMs < pair.Second.TimestampMs));
    }

    [Fact]
    public async Task The_demo_sample_file_is_a_simple_file_named_after_itself()
    {
        IngestResult result = await IngestTempFolder.ReadAsync(Path.Combine(Datasets, "anomaly-hunter-demo", "sample_anomalies.csv"));

        Assert.Empty(result.Rejected);
        Assert.Equal(100, result.Points.Count);
        Assert.Equal("sample_anomalies{region=\"local\",source=\"demo_sensor\",tenant=\"default\"}", result.Points[0].Key.Canonical);
        Assert.Equal(104.96714153011233, result.Points[0].Value);
    }

    [Fact]
    public async Task The_demo_summary_table_has_no_timestamp_column_and_is_quarantined_as_a_whole()
    {
        IngestResult result = await IngestTempFolder.ReadAsync(Path.Combine(Datasets, "anomaly-hunter-demo", "SCENARIO_SUMMARY.csv"));

        QuarantinedRow row = Assert.Single(result.Rejected);
        Assert.Equal((QuarantineReason.UnrecognisedLayout, 0L), (row.Reason, row.Line));
    }

    [Theory]
    [InlineData("realAWSCloudwatch/ec2_disk_write_bytes_1ef3de.csv")]
    [InlineData("realAWSCloudwatch/ec2_network_in_5abac7.csv")]
    [InlineData("realTweets/Twitter_volume_AAPL.csv")]
    [InlineData("artificialWithAnomaly/art_daily_jumpsup.csv")]
    public async Task Nab_files_read_cleanly_and_keep_repeated_timestamps(string file)
    {
        string[] manifest = (await File.ReadAllLinesAsync(Path.Combine(Datasets, "nab-open", "MANIFEST.csv")))
            .Single(line => line.StartsWith(file + ",", StringComparison.Ordinal)).Split(',');
        int rows = int.Parse(manifest[1], CultureInfo.InvariantCulture);

        IngestResult result = await IngestTempFolder.ReadAsync(Path.Combine(Datasets, "nab-open", "data", file));

        Assert.Empty(result.Rejected);
        Assert.Equal(rows, result.Points.Count);
        Assert.Equal(Path.GetFileNameWithoutExtension(file), result.Points[0].Key.Metric);
        Assert.Equal(IngestTempFolder.Ms(manifest[2].Replace(' ', 'T') + "Z"), result.Points[0].TimestampMs);
        Assert.Equal(IngestTempFolder.Ms(manifest[3].Replace(' ', 'T') + "Z"), result.Points[^1].TimestampMs);
        Assert.Equal(Enumerable.Range(2, rows).Select(i => (long)i), result.Points.Select(p => p.Line));
        if (file.Contains("ec2_", StringComparison.Ordinal))
        {
            Assert.True(result.Points.Select(p => p.TimestampMs).Distinct().Count() < rows, "the repeated timestamp must come through twice");
        }
    }

    [Fact]
    public async Task Every_nab_file_reads_without_rejections()
    {
        IReadOnlyList<string> files = SourceFiles.Expand([Path.Combine(Datasets, "nab-open", "data")]);
        long points = 0;
        foreach (string file in files)
        {
            IngestResult result = await IngestTempFolder.ReadAsync(file);
            Assert.Empty(result.Rejected);
            points += result.Points.Count;
        }

        Assert.Equal(38, files.Count);
        Assert.Equal(270_723, points);
    }

    private static string FindDatasets()
    {
        // why: CI runs from a fresh clone with shared/ beside it; developers run from /work/wt-*.
        string? fromEnvironment = Environment.GetEnvironmentVariable("ANOMALYHUNTER_DATASETS");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "datasets");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return "/work/shared/datasets";
    }
}
