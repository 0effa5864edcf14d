SELECT series_id, MIN(min_ts_ms), MAX(max_ts_ms), SUM(row_count)
FROM snapshot_changes
WHERE snapshot_id > @after AND snapshot_id <= @upto
GROUP BY series_id
ORDER BY series_id
