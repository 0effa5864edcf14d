using AnomalyHunter.Lakehouse.Catalog;

namespace AnomalyHunter.Jobs.Query;

/// <summary>Lists anomaly windows with their series.</summary>
public static class AnomalyQuery
{
    /// <summary>Windows matching <paramref name="filter"/>, restricted to series whose key contains <paramref name="seriesContains"/> when given.</summary>
    public static async Task<IReadOnlyList<AnomalyRow>> ListAsync(
        ICatalog catalog,
        AnomalyFilter filter,
        string? seriesContains,
        CancellationToken cancellationToken)
    {
        if (seriesContains is not null)
        {
            var ids = (await catalog.ListSeriesAsync(seriesContains, cancellationToken)).Select(s => s.SeriesId).ToList();
            filter = filter with { SeriesIds = ids };
        }

        return await RowsAsync(catalog, await catalog.ListAnomaliesAsync(filter, cancellationToken), cancellationToken);
    }

    /// <summary>The rows of windows already read from <paramref name="catalog"/>, with their series.</summary>
    public static async Task<IReadOnlyList<AnomalyRow>> RowsAsync(ICatalog catalog, IReadOnlyList<AnomalyRecord> anomalies, CancellationToken cancellationToken)
    {
        var series = (await catalog.GetSeriesAsync([.. anomalies.Select(a => a.SeriesId).Distinct()], cancellationToken))
            .ToDictionary(s => s.SeriesId);
        return [.. anomalies.Select(a =>
        {
            var key = series[a.SeriesId].Key;
            return new AnomalyRow
            {
                AnomalyId = a.AnomalyId,
                Series = key.Canonical,
                Metric = key.Metric,
                Tenant = key.Tenant,
                Region = key.Region,
                Start = DateTimeOffset.FromUnixTimeMilliseconds(a.StartTsMs).UtcDateTime,
                End = DateTimeOffset.FromUnixTimeMilliseconds(a.EndTsMs).UtcDateTime,
                PeakTime = DateTimeOffset.FromUnixTimeMilliseconds(a.PeakTsMs).UtcDateTime,
                PeakScore = a.PeakScore,
                Points = a.PointCount,
                Passes = a.Passes,
                Contributions = a.ContributionsJson,
                Scope = a.Scope,
                Group = a.GroupKey ?? string.Empty,
                Detector = a.Consumer,
                Open = a.IsOpen,
                FirstRunId = a.FirstRunId,
                LastRunId = a.LastRunId,
            };
        })];
    }
}
