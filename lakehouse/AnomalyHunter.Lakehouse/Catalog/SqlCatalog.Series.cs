using System.Data;
using System.Data.Common;
using System.Text.Json;
using AnomalyHunter.Lakehouse.Model;

namespace AnomalyHunter.Lakehouse.Catalog;

/// <summary>Series identity.</summary>
public abstract partial class SqlCatalog
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<long>> ResolveSeriesAsync(IReadOnlyList<SeriesKey> keys, CancellationToken cancellationToken)
    {
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await FindSeriesIdsAsync(connection, null, keys.Select(k => k.Canonical).Distinct(StringComparer.Ordinal), ids, cancellationToken);
        var missing = keys.Where(k => !ids.ContainsKey(k.Canonical)).DistinctBy(k => k.Canonical).ToList();
        if (missing.Count > 0)
        {
            await using var tx = await BeginWriteAsync(connection, cancellationToken);
            long now = NowMs();
            await ExecuteManyAsync(connection, tx, Sql("series_insert"), missing, (cmd, key) =>
            {
                Param(cmd, "@key", key.Canonical, DbType.String);
                Param(cmd, "@tenant", key.Tenant, DbType.String);
                Param(cmd, "@region", key.Region, DbType.String);
                Param(cmd, "@metric", key.Metric, DbType.String);
                Param(cmd, "@labels", LabelsToJson(key.Labels), DbType.String);
                Param(cmd, "@now", now, DbType.Int64);
            }, cancellationToken);
            await FindSeriesIdsAsync(connection, tx, missing.Select(k => k.Canonical), ids, cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }

        return [.. keys.Select(k => ids[k.Canonical])];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SeriesRecord>> ListSeriesAsync(string? contains, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var cmd = Command(connection, null, Sql("series_list"));
        string? pattern = contains is null
            ? null
            : "%" + contains.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
        Param(cmd, "@contains", pattern, DbType.String);
        return await ReadSeriesAsync(cmd, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SeriesRecord>> GetSeriesAsync(IReadOnlyCollection<long> seriesIds, CancellationToken cancellationToken)
    {
        var result = new List<SeriesRecord>(seriesIds.Count);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        foreach (long[] chunk in InChunks(seriesIds.Distinct()))
        {
            await using var cmd = Command(connection, null, Sql("series_by_ids"));
            BindInList(cmd, "{ids}", chunk, DbType.Int64);
            result.AddRange(await ReadSeriesAsync(cmd, cancellationToken));
        }

        result.Sort((a, b) => a.SeriesId.CompareTo(b.SeriesId));
        return result;
    }

    private static async Task FindSeriesIdsAsync(
        DbConnection connection,
        DbTransaction? tx,
        IEnumerable<string> canonicalKeys,
        Dictionary<string, long> into,
        CancellationToken cancellationToken)
    {
        foreach (string[] chunk in InChunks(canonicalKeys))
        {
            await using var cmd = Command(connection, tx, Sql("series_find"));
            BindInList(cmd, "{keys}", chunk, DbType.String);
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                into[reader.GetString(1)] = reader.GetInt64(0);
            }
        }
    }

    private static async Task<List<SeriesRecord>> ReadSeriesAsync(DbCommand cmd, CancellationToken cancellationToken)
    {
        var list = new List<SeriesRecord>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var labels = JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(4)) ?? [];
            var key = new SeriesKey(reader.GetString(1), reader.GetString(2), reader.GetString(3), labels);
            list.Add(new SeriesRecord(reader.GetInt64(0), key, reader.GetInt64(5)));
        }

        return list;
    }

    private static string LabelsToJson(IReadOnlyList<KeyValuePair<string, string>> labels)
    {
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in labels)
        {
            map[k] = v;
        }

        return JsonSerializer.Serialize(map);
    }
}
