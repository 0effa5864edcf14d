using System.Security.Cryptography;
using AnomalyHunter.Investigation.Context;
using AnomalyHunter.Jobs.Framework;
using AnomalyHunter.Lakehouse.Catalog;
using AnomalyHunter.Lakehouse.Model;

namespace AnomalyHunter.Investigation.Job;

/// <summary>Builds the investigation context of a candidate: its series and related series around the window, and the events.</summary>
public sealed class ContextBuilder
{
    private const long DayMs = 86_400_000;
    private readonly Lake _lake;
    private readonly InvestigateOptions _options;
    private readonly IReadOnlyList<ChangeEvent> _events;
    private IReadOnlyList<SeriesRecord>? _series;

    /// <summary>Creates the builder.</summary>
    public ContextBuilder(Lake lake, InvestigateOptions options, IReadOnlyList<ChangeEvent> events)
    {
        _lake = lake;
        _options = options;
        _events = events;
    }

    /// <summary>Reads the data of a candidate at <paramref name="snapshotId"/>.</summary>
    public async Task<InvestigationContext> BuildAsync(AnomalyRecord anomaly, long snapshotId, CancellationToken cancellationToken)
    {
        _series ??= await _lake.Catalog.ListSeriesAsync(null, cancellationToken);
        var target = _series.FirstOrDefault(s => s.SeriesId == anomaly.SeriesId)
            ?? throw new InvalidOperationException($"Series {anomaly.SeriesId} of anomaly {anomaly.AnomalyId} is not in the catalog.");
        var peers = Peers(target);
        long from = anomaly.StartTsMs - (_options.HistoryDays * DayMs);
        long to = anomaly.EndTsMs + (_options.FollowDays * DayMs);
        var points = await LakeWindowReader.ReadAsync(_lake, snapshotId, [target.SeriesId, .. peers.Select(p => p.SeriesId)], from, to, cancellationToken);
        return new InvestigationContext
        {
            Anomaly = anomaly,
            Target = new SeriesContext(target.SeriesId, target.Key, points[target.SeriesId]),
            Peers = [.. peers.Select(p => new SeriesContext(p.SeriesId, p.Key, points[p.SeriesId])).Where(p => p.Points.Count > 0)],
            Events = _events,
            PcaContributions = GroupContributions(anomaly),
            SnapshotId = snapshotId,
        };
    }

    // why: a group window (multivariate pass) carries each series' share of the group statistic at its peak; series windows carry per-pass peaks instead.
    private IReadOnlyDictionary<long, double>? GroupContributions(AnomalyRecord anomaly)
    {
        if (anomaly.Scope != AnomalyScopes.Group || string.IsNullOrWhiteSpace(anomaly.ContributionsJson))
        {
            return null;
        }

        var byKey = _series!.ToDictionary(s => s.Key.Canonical, s => s.SeriesId, StringComparer.Ordinal);
        var result = new Dictionary<long, double>();
        using var doc = System.Text.Json.JsonDocument.Parse(anomaly.ContributionsJson);
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            if (p.Value.ValueKind != System.Text.Json.JsonValueKind.Number)
            {
                continue;
            }

            if (long.TryParse(p.Name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long id) || byKey.TryGetValue(p.Name, out id))
            {
                result[id] = p.Value.GetDouble();
            }
        }

        return result.Count == 0 ? null : result;
    }

    /// <summary>SHA-256 of everything the agents see: the points of the target and peers, the events and the PCA contributions.</summary>
    public static string InputsHash(InvestigationContext context)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var s in new[] { context.Target }.Concat(context.Peers))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(s.Key.Canonical + "\n"));
            hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(s.Points.TimestampsMs.AsSpan()));
            hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(s.Points.Values.AsSpan()));
        }

        foreach (var e in context.Events)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{e.TimeMs}|{e.Kind}|{e.Description}\n")));
        }

        foreach (var (id, share) in (context.PcaContributions ?? new Dictionary<long, double>()).OrderBy(p => p.Key))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{id}={share:R}\n")));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Whether two series are related: same tenant and region, and the same value of at least one of <paramref name="peerLabels"/>.</summary>
    public static bool ArePeers(SeriesKey a, SeriesKey b, IReadOnlyList<string> peerLabels) =>
        SharedLabels(a, b, peerLabels) > 0;

    private static int SharedLabels(SeriesKey a, SeriesKey b, IReadOnlyList<string> peerLabels) =>
        a.Tenant == b.Tenant && a.Region == b.Region ? peerLabels.Count(l => a.Label(l) is string v && b.Label(l) == v) : 0;

    private List<SeriesRecord> Peers(SeriesRecord target)
    {
        var key = target.Key;
        return [.. _series!
            .Where(s => s.SeriesId != target.SeriesId)
            .Select(s => (Series: s, Shared: SharedLabels(key, s.Key, _options.PeerLabels)))
            .Where(p => p.Shared > 0)
            .OrderByDescending(p => p.Shared)
            .ThenBy(p => p.Series.Key.Metric == key.Metric ? 0 : 1)
            .ThenBy(p => p.Series.SeriesId)
            .Take(_options.MaxPeers)
            .Select(p => p.Series)];
    }
}
