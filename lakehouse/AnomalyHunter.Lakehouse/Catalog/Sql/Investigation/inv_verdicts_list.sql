SELECT verdict_id, anomaly_id, run_id, series_id, created_at_ms, decision, pattern, severity, confidence, snapshot_id, detector,
       learning_version, degraded, verdict_json
FROM verdicts
WHERE (@id IS NULL OR verdict_id = @id)
  AND (@run IS NULL OR run_id = @run)
  AND (@anomaly IS NULL OR anomaly_id = @anomaly)
  AND (@decision IS NULL OR decision = @decision)
  AND (@min_severity IS NULL OR severity >= @min_severity)
ORDER BY created_at_ms DESC, verdict_id
LIMIT @limit
