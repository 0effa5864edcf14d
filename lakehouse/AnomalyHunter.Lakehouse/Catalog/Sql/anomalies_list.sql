SELECT anomaly_id, consumer, series_id, start_ts_ms, end_ts_ms, peak_ts_ms, peak_score, point_count, passes,
       first_run_id, last_run_id, is_open, contributions_json, scope, group_key
FROM anomalies
WHERE (@consumer IS NULL OR consumer = @consumer)
  AND (@from IS NULL OR end_ts_ms >= @from)
  AND (@to IS NULL OR start_ts_ms < @to)
  AND (@min_score IS NULL OR peak_score >= @min_score)
  {series_filter}
ORDER BY {order}
