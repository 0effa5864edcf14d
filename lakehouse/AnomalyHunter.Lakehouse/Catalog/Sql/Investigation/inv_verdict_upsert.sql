INSERT INTO verdicts (verdict_id, anomaly_id, run_id, series_id, created_at_ms, decision, pattern, severity, confidence, snapshot_id,
                      detector, learning_version, degraded, verdict_json)
VALUES (@id, @anomaly, @run, @series, @created, @decision, @pattern, @severity, @confidence, @snapshot, @detector, @learning, @degraded, @json)
ON CONFLICT (verdict_id) DO UPDATE SET
  anomaly_id = excluded.anomaly_id, run_id = excluded.run_id, series_id = excluded.series_id, created_at_ms = excluded.created_at_ms,
  decision = excluded.decision, pattern = excluded.pattern, severity = excluded.severity, confidence = excluded.confidence,
  snapshot_id = excluded.snapshot_id, detector = excluded.detector, learning_version = excluded.learning_version,
  degraded = excluded.degraded, verdict_json = excluded.verdict_json
