SELECT file_id, path, tenant, region, partition_date, row_count, min_ts_ms, max_ts_ms, min_series_id, max_series_id,
       size_bytes, sha256, added_snapshot, removed_snapshot
FROM data_files
WHERE added_snapshot <= @snapshot AND (removed_snapshot IS NULL OR removed_snapshot > @snapshot)
ORDER BY partition_date, path
