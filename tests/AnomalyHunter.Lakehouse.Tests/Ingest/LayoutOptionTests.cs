using AnomalyHunter.Lakehouse.Ingest;

namespace AnomalyHunter.Lakehouse.Tests.Ingest;

public sealed class LayoutOptionTests : IDisposable
{
    private readonly IngestTempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_forced_wide_layout_reads_a_value_column_as_a_metric_named_value()
    {
        string path = _folder.Write("forced.csv", "timestamp,value,temp\n2024-10-17T00:00:00Z,1,2\n");

        IngestResult result = await IngestTempFolder.ReadAsync(path, new IngestOptions { Layout = InputLayout.Wide });

        Assert.Equal(["value", "temp"], result.Points.Select(p => p.Key.Metric));
    }

    [Fact]
    public async Task A_forced_long_layout_without_a_metric_column_is_an_unrecognised_layout()
    {
        string path = _folder.Write("simple.csv", "timestamp,value\n2024-10-17T00:00:00Z,1\n");

        QuarantinedRow row = Assert.Single((await IngestTempFolder.ReadAsync(path, new IngestOptions { Layout = InputLayout.Long })).Rejected);

        Assert.Equal(QuarantineReason.UnrecognisedLayout, row.Reason);
        Assert.Contains("metric column", row.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Custom_column_names_and_tenant_and_region_columns_are_matched_case_insensitively()
    {
        string path = _folder.Write("custom.csv", "When,Signal,Reading,Customer,Zone,Host\n2024-10-17T00:00:00Z,cpu,1,acme,eu-1,h1\n");
        var options = new IngestOptions { TenantColumn = "customer", RegionColumn = "ZONE" };
        options.TimestampColumns.Add("when");
        options.MetricColumns.Add("signal");
        options.ValueColumns.Add("reading");

        IngestedPoint point = Assert.Single((await IngestTempFolder.ReadAsync(path, options)).Points);

        Assert.Equal("cpu{Host=\"h1\",region=\"eu-1\",tenant=\"acme\"}", point.Key.Canonical);
    }

    [Fact]
    public async Task A_header_that_names_a_column_twice_is_an_unrecognised_layout()
    {
        string path = _folder.Write("twice.csv", "timestamp,value,Value\n2024-10-17T00:00:00Z,1,2\n");

        QuarantinedRow row = Assert.Single((await IngestTempFolder.ReadAsync(path)).Rejected);

        Assert.Equal(QuarantineReason.UnrecognisedLayout, row.Reason);
        Assert.Contains("twice", row.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_label_column_named_like_a_partition_key_is_an_unrecognised_layout()
    {
        string path = _folder.Write("clash.csv", "timestamp,metric,value,customer,tenant\n2024-10-17T00:00:00Z,cpu,1,acme,t1\n");

        QuarantinedRow row = Assert.Single((await IngestTempFolder.ReadAsync(path, new IngestOptions { TenantColumn = "customer" })).Rejected);

        Assert.Equal(QuarantineReason.UnrecognisedLayout, row.Reason);
        Assert.Contains("Ingest:TenantColumn", row.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_label_values_are_left_out_of_the_key()
    {
        string path = _folder.Write("labels.csv", "timestamp,metric,value,host,pod\n2024-10-17T00:00:00Z,cpu,1,h1,\n2024-10-17T00:01:00Z,cpu,2,h1,p1\n");

        IngestResult result = await IngestTempFolder.ReadAsync(path);

        Assert.Equal(["cpu{host=\"h1\",region=\"local\",tenant=\"default\"}", "cpu{host=\"h1\",pod=\"p1\",region=\"local\",tenant=\"default\"}"], result.Points.Select(p => p.Key.Canonical));
    }
}
