INSERT INTO anomalies (anomaly_id, consumer, series_id, start_ts_ms, end_ts_ms, peak_ts_ms, peak_score, point_count, passes,
                       first_run_id, last_run_id, is_open, contributions_json, scope, group_key)
VALUES (@id, @consumer, @series, @start, @end, @peak_ts, @peak_score, @points, @passes, @first_run, @last_run, @open,
        @contributions, @scope, @group)
ON CONFLICT (anomaly_id) DO UPDATE SET
  end_ts_ms = excluded.end_ts_ms, peak_ts_ms = excluded.peak_ts_ms, peak_score = excluded.peak_score,
  point_count = excluded.point_count, passes = excluded.passes, last_run_id = excluded.last_run_id, is_open = excluded.is_open,
  contributions_json = excluded.contributions_json, series_id = excluded.series_id
