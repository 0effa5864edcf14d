using AnomalyHunter.Synthetic.Model;

namespace AnomalyHunter.Synthetic.Tests.Model;

public sealed class SeriesKeyTextTests
{
    [Fact]
    public void The_canonical_key_lists_all_labels_sorted_by_name_including_tenant_and_region()
    {
        string key = SeriesKeyText.Format("cpu_utilization", tenant: "acme", region: "eu-west", service: "api", host: "h1");

        Assert.Equal("cpu_utilization{host=\"h1\",region=\"eu-west\",service=\"api\",tenant=\"acme\"}", key);
    }

    [Fact]
    public void Backslash_quote_and_newline_in_label_values_are_escaped_Prometheus_style()
    {
        string key = SeriesKeyText.Format("m", [new("tenant", "a\\b"), new("region", "say \"hi\""), new("host", "line1\nline2")]);

        Assert.Equal("m{host=\"line1\\nline2\",region=\"say \\\"hi\\\"\",tenant=\"a\\\\b\"}", key);
    }

    [Fact]
    public void Labels_are_sorted_by_ordinal_name_whatever_order_they_are_given_in()
    {
        string key = SeriesKeyText.Format("m", [new("zone", "1"), new("Zeta", "2"), new("alpha", "3")]);

        Assert.Equal("m{Zeta=\"2\",alpha=\"3\",zone=\"1\"}", key);
    }

    [Fact]
    public void Every_generated_series_carries_its_canonical_key()
    {
        foreach (SeriesInfo s in DemoData.Generator.Series)
        {
            Assert.Equal(SeriesKeyText.Format(s.Metric, s.Tenant, s.Region, s.Service, s.Host), s.Key);
        }

        Assert.Equal(DemoData.Generator.Series.Count, DemoData.Generator.Series.Select(s => s.Key).Distinct(StringComparer.Ordinal).Count());
    }
}
