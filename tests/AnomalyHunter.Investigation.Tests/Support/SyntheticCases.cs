using AnomalyHunter.Investigation.Context;
using AnomalyHunter.Lakehouse.Catalog;
using AnomalyHunter.Lakehouse.Model;
using AnomalyHunter.Synthetic.Generation;
using AnomalyHunter.Synthetic.Model;
using AnomalyHunter.Synthetic.Options;

namespace AnomalyHunter.Investigation.Tests.Support;

/// <summary>Labelled synthetic datasets turned into investigation contexts (the window is the label's own interval).</summary>
internal static class SyntheticCases
{
    private static readonly Dictionary<long, SyntheticDataset> Cache = [];
    private static readonly Lock Gate = new();

    public static SyntheticDataset Dataset(long seed)
    {
        lock (Gate)
        {
            if (!Cache.TryGetValue(seed, out var data))
            {
                data = new SyntheticGenerator(SyntheticOptions.Demo with { Seed = seed }).Generate();
                Cache[seed] = data;
            }

            return data;
        }
    }

    public static SeriesKey Key(SeriesInfo s) => new(s.Tenant, s.Region, s.Metric, [new("host", s.Host), new("service", s.Service)]);

    public static SeriesContext Series(SyntheticDataset data, string key)
    {
        var s = data.Find(key)!;
        return new SeriesContext(s.Series.Index + 1, Key(s.Series), new SeriesPoints(s.TimestampsMs, s.Values));
    }

    public static InvestigationContext Context(SyntheticDataset data, AffectedSeries member, IReadOnlyList<SeriesContext>? peers = null)
    {
        var target = Series(data, member.SeriesKey);
        long start = member.Start.ToUnixTimeMilliseconds();
        long end = member.End.ToUnixTimeMilliseconds();
        var anomaly = new AnomalyRecord("an-test", "detect/test", target.SeriesId, start, end, start, 60, ((end - start) / 300_000) + 1, "test", "r", "r", false);
        return new InvestigationContext { Anomaly = anomaly, Target = target, Peers = peers ?? [] };
    }

    /// <summary>The series of the same tenant that share the member's host or service.</summary>
    public static IReadOnlyList<SeriesContext> Peers(SyntheticDataset data, string key)
    {
        var me = data.Find(key)!.Series;
        return [.. data.Series
            .Where(s => s.Series.Key != key && s.Series.Tenant == me.Tenant && s.Series.Region == me.Region
                && (s.Series.Host == me.Host || s.Series.Service == me.Service))
            .Select(s => Series(data, s.Series.Key))];
    }
}
