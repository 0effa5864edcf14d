using System.Data.Common;
using System.Text;
using AnomalyHunter.Lakehouse.Catalog;
using AnomalyHunter.Lakehouse.Storage;
using DuckDB.NET.Data;

namespace AnomalyHunter.Lakehouse.DuckDb;

/// <summary>
/// An in-memory DuckDB session over one committed snapshot: the view <c>metrics</c> reads exactly the snapshot's files
/// (with Hive partition columns tenant, region, date), and the tables <c>series</c> and <c>anomalies</c> hold the catalog's rows.
/// </summary>
public sealed class LakeSqlSession : IAsyncDisposable
{
    private LakeSqlSession(DuckDBConnection connection, long snapshotId)
    {
        Connection = connection;
        SnapshotId = snapshotId;
    }

    /// <summary>The open DuckDB connection.</summary>
    public DuckDBConnection Connection { get; }

    /// <summary>The snapshot the session reads.</summary>
    public long SnapshotId { get; }

    /// <summary>Opens a session on <paramref name="snapshotId"/> (the latest when null).</summary>
    public static async Task<LakeSqlSession> OpenAsync(ICatalog catalog, LakeLayout layout, long? snapshotId, CancellationToken cancellationToken)
    {
        long snapshot = snapshotId ?? await catalog.CurrentSnapshotAsync(cancellationToken);
        var connection = new DuckDBConnection("DataSource=:memory:");
        try
        {
            await connection.OpenAsync(cancellationToken);
            var files = await catalog.ListFilesAsync(snapshot, cancellationToken);
            await ExecuteAsync(connection, MetricsView(files.Select(f => layout.Absolute(f.Path)).ToList()), cancellationToken);
            await LoadSeriesAsync(connection, await catalog.ListSeriesAsync(null, cancellationToken), cancellationToken);
            await LoadAnomaliesAsync(connection, await catalog.ListAnomaliesAsync(new AnomalyFilter(), cancellationToken), cancellationToken);
            return new LakeSqlSession(connection, snapshot);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs a query and returns its column names and rows (values as DuckDB returns them).</summary>
    public async Task<(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows)> QueryAsync(string sql, int maxRows, CancellationToken cancellationToken)
    {
        await using var cmd = Connection.CreateCommand();
#pragma warning disable CA2100 // why: the SQL is the user's own query against their in-memory session.
        cmd.CommandText = sql;
#pragma warning restore CA2100
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<object?[]>();
        while (rows.Count < maxRows && await reader.ReadAsync(cancellationToken))
        {
            var row = new object?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = await reader.IsDBNullAsync(i, cancellationToken) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return (columns, rows);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Connection.DisposeAsync();

    /// <summary>The SQL of the <c>metrics</c> view over exactly these files.</summary>
    public static string MetricsView(IReadOnlyList<string> absolutePaths)
    {
        if (absolutePaths.Count == 0)
        {
            return "CREATE VIEW metrics AS SELECT CAST(NULL AS BIGINT) AS series_id, CAST(NULL AS VARCHAR) AS series_key, " +
                   "CAST(NULL AS TIMESTAMPTZ) AS ts, CAST(NULL AS DOUBLE) AS value, CAST(NULL AS VARCHAR) AS tenant, " +
                   "CAST(NULL AS VARCHAR) AS region, CAST(NULL AS DATE) AS date WHERE false";
        }

        var sb = new StringBuilder("CREATE VIEW metrics AS SELECT * FROM read_parquet([");
        for (int i = 0; i < absolutePaths.Count; i++)
        {
            sb.Append(i == 0 ? "'" : ", '").Append(absolutePaths[i].Replace("'", "''", StringComparison.Ordinal)).Append('\'');
        }

        return sb.Append("], hive_partitioning = true)").ToString();
    }

    private static async Task LoadSeriesAsync(DuckDBConnection connection, IReadOnlyList<SeriesRecord> series, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, "CREATE TABLE series_rows (series_id BIGINT PRIMARY KEY, series_key VARCHAR, tenant VARCHAR, region VARCHAR, metric VARCHAR, labels_json VARCHAR)", cancellationToken);
        // why: the appender cannot write MAP values; the labels are stored as JSON and exposed as a map by the view.
        await ExecuteAsync(connection, "CREATE VIEW series AS SELECT series_id, series_key, tenant, region, metric, CAST(labels_json::JSON AS MAP(VARCHAR, VARCHAR)) AS labels FROM series_rows", cancellationToken);
        using var appender = connection.CreateAppender("series_rows");
        foreach (var s in series)
        {
            appender.CreateRow()
                .AppendValue(s.SeriesId)
                .AppendValue(s.Key.Canonical)
                .AppendValue(s.Key.Tenant)
                .AppendValue(s.Key.Region)
                .AppendValue(s.Key.Metric)
                .AppendValue(System.Text.Json.JsonSerializer.Serialize(s.Key.Labels.ToDictionary(l => l.Key, l => l.Value)))
                .EndRow();
        }
    }

    private static async Task LoadAnomaliesAsync(DuckDBConnection connection, IReadOnlyList<AnomalyRecord> anomalies, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, "CREATE TABLE anomalies (anomaly_id VARCHAR, detector VARCHAR, series_id BIGINT, start_ts TIMESTAMPTZ, end_ts TIMESTAMPTZ, peak_ts TIMESTAMPTZ, peak_score DOUBLE, points BIGINT, passes VARCHAR, open BOOLEAN, scope VARCHAR, group_key VARCHAR, contributions VARCHAR)", cancellationToken);
        using var appender = connection.CreateAppender("anomalies");
        foreach (var a in anomalies)
        {
            appender.CreateRow()
                .AppendValue(a.AnomalyId)
                .AppendValue(a.Consumer)
                .AppendValue(a.SeriesId)
                .AppendValue(DateTimeOffset.FromUnixTimeMilliseconds(a.StartTsMs))
                .AppendValue(DateTimeOffset.FromUnixTimeMilliseconds(a.EndTsMs))
                .AppendValue(DateTimeOffset.FromUnixTimeMilliseconds(a.PeakTsMs))
                .AppendValue(a.PeakScore)
                .AppendValue(a.PointCount)
                .AppendValue(a.Passes)
                .AppendValue(a.IsOpen)
                .AppendValue(a.Scope)
                .AppendValue(a.GroupKey)
                .AppendValue(a.ContributionsJson)
                .EndRow();
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var cmd = connection.CreateCommand();
#pragma warning disable CA2100 // why: built from file paths the catalog recorded, with quotes escaped.
        cmd.CommandText = sql;
#pragma warning restore CA2100
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
