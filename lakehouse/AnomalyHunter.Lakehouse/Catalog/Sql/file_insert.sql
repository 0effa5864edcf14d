INSERT INTO data_files (path, tenant, region, partition_date, row_count, min_ts_ms, max_ts_ms, min_series_id, max_series_id,
                        size_bytes, sha256, added_snapshot)
VALUES (@path, @tenant, @region, @date, @rows, @min_ts, @max_ts, @min_series, @max_series, @size, @sha, @snapshot)
