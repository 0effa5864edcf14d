using System.Data;
using System.Data.Common;

namespace AnomalyHunter.Lakehouse.Catalog;

/// <summary>Incremental consumers, their per-series cursors, and anomaly windows.</summary>
public abstract partial class SqlCatalog
{
    /// <inheritdoc />
    public async Task<ConsumerRecord?> GetConsumerAsync(string consumer, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var cmd = Command(connection, null, Sql("consumer_get"));
        Param(cmd, "@consumer", consumer, DbType.String);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new ConsumerRecord(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3), reader.GetInt64(4));
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<long, SeriesCursor>> GetCursorsAsync(
        string consumer,
        IReadOnlyCollection<long> seriesIds,
        CancellationToken cancellationToken) =>
        ReadBySeriesAsync("cursors_get", consumer, seriesIds, r => new SeriesCursor(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), (byte[])r.GetValue(3)), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<long, CursorMark>> GetCursorMarksAsync(
        string consumer,
        IReadOnlyCollection<long> seriesIds,
        CancellationToken cancellationToken) =>
        ReadBySeriesAsync("cursor_marks_get", consumer, seriesIds, r => new CursorMark(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2)), cancellationToken);

    /// <inheritdoc />
    public async Task CommitDetectionAsync(DetectionCommit commit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var tx = await BeginWriteAsync(connection, cancellationToken);
        long now = NowMs();
        await using (var advance = Command(connection, tx, Sql(commit.ExpectedVersion == 0 ? "consumer_insert" : "consumer_advance")))
        {
            Param(advance, "@consumer", commit.Consumer, DbType.String);
            Param(advance, "@snapshot", commit.SnapshotId, DbType.Int64);
            Param(advance, "@fingerprint", commit.Fingerprint, DbType.String);
            Param(advance, "@now", now, DbType.Int64);
            Param(advance, "@expected", commit.ExpectedVersion, DbType.Int64);
            if (await advance.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                throw new CatalogConflictException(
                    $"Consumer '{commit.Consumer}' was advanced by another run while this one was working; rerun the job.");
            }
        }

        await ExecuteManyAsync(connection, tx, Sql("anomalies_reset"), commit.ResetSeries, (cmd, s) =>
        {
            Param(cmd, "@consumer", commit.Consumer, DbType.String);
            Param(cmd, "@series", s, DbType.Int64);
        }, cancellationToken);
        await ExecuteManyAsync(connection, tx, Sql("group_anomalies_reset"), commit.ResetGroups, (cmd, g) =>
        {
            Param(cmd, "@consumer", commit.Consumer, DbType.String);
            Param(cmd, "@group", g, DbType.String);
        }, cancellationToken);
        await ExecuteManyAsync(connection, tx, Sql("group_cursor_upsert"), commit.GroupCursors, (cmd, c) =>
        {
            Param(cmd, "@consumer", commit.Consumer, DbType.String);
            Param(cmd, "@group", c.GroupKey, DbType.String);
            Param(cmd, "@watermark", c.WatermarkMs, DbType.Int64);
            Param(cmd, "@points", c.PointsSeen, DbType.Int64);
            Param(cmd, "@state", c.State, DbType.Binary);
        }, cancellationToken);
        await ExecuteManyAsync(connection, tx, Sql("cursor_upsert"), commit.Cursors, (cmd, c) =>
        {
            Param(cmd, "@consumer", commit.Consumer, DbType.String);
            Param(cmd, "@series", c.SeriesId, DbType.Int64);
            Param(cmd, "@watermark", c.WatermarkMs, DbType.Int64);
            Param(cmd, "@points", c.PointsSeen, DbType.Int64);
            Param(cmd, "@state", c.State, DbType.Binary);
        }, cancellationToken);
        await ExecuteManyAsync(connection, tx, Sql("anomaly_upsert"), commit.Anomalies, (cmd, a) =>
        {
            Param(cmd, "@id", a.AnomalyId, DbType.String);
            Param(cmd, "@consumer", a.Consumer, DbType.String);
            Param(cmd, "@series", a.SeriesId, DbType.Int64);
            Param(cmd, "@start", a.StartTsMs, DbType.Int64);
            Param(cmd, "@end", a.EndTsMs, DbType.Int64);
            Param(cmd, "@peak_ts", a.PeakTsMs, DbType.Int64);
            Param(cmd, "@peak_score", a.PeakScore, DbType.Double);
            Param(cmd, "@points", a.PointCount, DbType.Int64);
            Param(cmd, "@passes", a.Passes, DbType.String);
            Param(cmd, "@first_run", a.FirstRunId, DbType.String);
            Param(cmd, "@last_run", a.LastRunId, DbType.String);
            Param(cmd, "@open", a.IsOpen, DbType.Boolean);
            Param(cmd, "@contributions", a.ContributionsJson, DbType.String);
            Param(cmd, "@scope", a.Scope, DbType.String);
            Param(cmd, "@group", a.GroupKey, DbType.String);
        }, cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AnomalyRecord>> ListAnomaliesAsync(AnomalyFilter filter, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        string sql = Sql("anomalies_list");
        var seriesIds = filter.SeriesIds?.Distinct().ToArray();
        string seriesFilter = seriesIds is null ? string.Empty : "AND series_id IN ({ids})";
        string order = filter.Limit is null ? "start_ts_ms, series_id" : "peak_score DESC, start_ts_ms, series_id";
        sql = sql.Replace("{series_filter}", seriesFilter, StringComparison.Ordinal).Replace("{order}", order, StringComparison.Ordinal);
        if (filter.Limit is int limit)
        {
            sql += " LIMIT " + limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await using var cmd = Command(connection, null, sql);
        Param(cmd, "@consumer", filter.Consumer, DbType.String);
        Param(cmd, "@from", filter.FromMs, DbType.Int64);
        Param(cmd, "@to", filter.ToMs, DbType.Int64);
        Param(cmd, "@min_score", filter.MinScore, DbType.Double);
        if (seriesIds is not null)
        {
            if (seriesIds.Length == 0)
            {
                return [];
            }

            BindInList(cmd, "{ids}", seriesIds, DbType.Int64);
        }

        var list = new List<AnomalyRecord>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(ReadAnomaly(reader));
        }

        return list;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, GroupCursor>> GetGroupCursorsAsync(
        string consumer,
        IReadOnlyCollection<string> groupKeys,
        CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, GroupCursor>(StringComparer.Ordinal);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        foreach (string[] chunk in InChunks(groupKeys.Distinct(StringComparer.Ordinal)))
        {
            await using var cmd = Command(connection, null, Sql("group_cursors_get"));
            Param(cmd, "@consumer", consumer, DbType.String);
            BindInList(cmd, "{keys}", chunk, DbType.String);
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                string key = reader.GetString(0);
                result[key] = new GroupCursor(key, reader.GetInt64(1), reader.GetInt64(2), (byte[])reader.GetValue(3));
            }
        }

        return result;
    }

    /// <summary>Rows of a per-series query of the consumer (series id in column 0), by series id.</summary>
    private async Task<IReadOnlyDictionary<long, T>> ReadBySeriesAsync<T>(
        string query,
        string consumer,
        IReadOnlyCollection<long> seriesIds,
        Func<DbDataReader, T> read,
        CancellationToken cancellationToken)
    {
        var result = new Dictionary<long, T>();
        await using var connection = await OpenConnectionAsync(cancellationToken);
        foreach (long[] chunk in InChunks(seriesIds.Distinct()))
        {
            await using var cmd = Command(connection, null, Sql(query));
            Param(cmd, "@consumer", consumer, DbType.String);
            BindInList(cmd, "{ids}", chunk, DbType.Int64);
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                result[reader.GetInt64(0)] = read(reader);
            }
        }

        return result;
    }

    private static AnomalyRecord ReadAnomaly(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetDouble(6), r.GetInt64(7),
        r.GetString(8), r.GetString(9), r.GetString(10), r.GetBoolean(11), r.GetString(12), r.GetString(13), NullableString(r, 14));
}
