INSERT INTO snapshot_changes (snapshot_id, series_id, min_ts_ms, max_ts_ms, row_count)
VALUES (@snapshot, @series, @min_ts, @max_ts, @rows)
