using System.Globalization;
using AnomalyHunter.Synthetic.Model;
using AnomalyHunter.Synthetic.Options;

namespace AnomalyHunter.Synthetic.Generation;

/// <summary>Builds the series identities (tenant, region, service, host, metric) in generation order.</summary>
internal static class Topology
{
    private static readonly string[] TenantNames =
        ["acme", "globex", "initech", "umbrella", "hooli", "stark", "wayne", "wonka", "tyrell", "cyberdyne"];

    private static readonly string[] ServiceNames =
        ["api", "checkout", "search", "auth", "billing", "catalog", "notifications", "payments", "inventory", "gateway"];

    /// <summary>Region names with their UTC offset in minutes, which sets the phase of the daily pattern.</summary>
    private static readonly (string Name, int OffsetMinutes)[] RegionNames =
    [
        ("eu-west", 0), ("us-east", -300), ("ap-south", 330), ("eu-central", 60), ("us-west", -480), ("sa-east", -180),
    ];

    /// <summary>One generated series: its identity, profile and local-time offset.</summary>
    public sealed record Entry(SeriesInfo Info, int MetricIndex, int RegionOffsetMinutes, int HostGroup, int ServiceMetricGroup);

    public static IReadOnlyList<Entry> Build(SyntheticOptions options)
    {
        var entries = new List<Entry>(checked((int)options.SeriesCount));
        int hostGroup = 0;
        int serviceGroup = 0;
        for (int t = 0; t < options.Tenants; t++)
        {
            string tenant = Name(TenantNames, t, "tenant");
            for (int r = 0; r < options.RegionsPerTenant; r++)
            {
                // why: tenants start in different regions so that a one-region demo still spans time zones.
                int regionIndex = (t + r) % Math.Max(RegionNames.Length, options.RegionsPerTenant);
                (string region, int offset) = regionIndex < RegionNames.Length
                    ? RegionNames[regionIndex]
                    : (Numbered("region", regionIndex), 0);
                for (int s = 0; s < options.ServicesPerRegion; s++)
                {
                    string service = Name(ServiceNames, s, "svc");
                    for (int h = 0; h < options.HostsPerService; h++)
                    {
                        string host = service + "-" + (h + 1).ToString("D2", CultureInfo.InvariantCulture);
                        for (int m = 0; m < options.MetricsPerHost; m++)
                        {
                            MetricProfile profile = MetricCatalog.All[m];
                            string key = SeriesKeyText.Format(profile.Name, tenant, region, service, host);
                            var info = new SeriesInfo(entries.Count, key, profile.Name, tenant, region, service, host, profile.Unit);
                            entries.Add(new Entry(info, m, offset, hostGroup, serviceGroup + m));
                        }

                        hostGroup++;
                    }

                    serviceGroup += options.MetricsPerHost;
                }
            }
        }

        return entries;
    }

    private static string Name(string[] names, int index, string prefix) =>
        index < names.Length ? names[index] : Numbered(prefix, index);

    private static string Numbered(string prefix, int index) =>
        prefix + "-" + (index + 1).ToString("D3", CultureInfo.InvariantCulture);
}
