using System.Globalization;
using DuckDB.NET.Data;

namespace AnomalyHunter.Benchmarks.DetectScale;

/// <summary>The baseline: DuckDB computing, over the same lake files, each series' median and MAD and a 60-point rolling z-score, and counting the points either flags.</summary>
internal static class DuckDbBaseline
{
    /// <summary>Runs the statistical pass in SQL over <paramref name="files"/> (hive-partitioned Parquet) and returns the flagged point count.</summary>
    public static async Task<long> RunAsync(IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        string list = string.Join(',', files.Select(f => "'" + f.Replace("'", "''", StringComparison.Ordinal) + "'"));
        string sql =
            $"WITH p AS (SELECT series_id, ts, value FROM read_parquet([{list}], hive_partitioning = true)), " +
            "m AS (SELECT series_id, median(value) AS med FROM p GROUP BY series_id), " +
            "d AS (SELECT series_id, med, median(abs(value - med)) AS mad FROM p JOIN m USING (series_id) GROUP BY series_id, med), " +
            "z AS (SELECT abs(value - avg(value) OVER w) / nullif(stddev_pop(value) OVER w, 0) AS rz, abs(value - med) / nullif(1.4826 * mad, 0) AS gz " +
            "      FROM p JOIN d USING (series_id) WINDOW w AS (PARTITION BY series_id ORDER BY ts ROWS BETWEEN 60 PRECEDING AND 1 PRECEDING)) " +
            "SELECT count(*) FILTER (WHERE rz > 5 OR gz > 5) FROM z";
        await using var connection = new DuckDBConnection("DataSource=:memory:");
        await connection.OpenAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
#pragma warning disable CA2100 // why: benchmark SQL over paths the benchmark generated.
        cmd.CommandText = sql;
#pragma warning restore CA2100
        object? value = await cmd.ExecuteScalarAsync(cancellationToken);
        return Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }
}
