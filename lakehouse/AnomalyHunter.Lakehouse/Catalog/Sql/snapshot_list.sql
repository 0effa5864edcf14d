SELECT snapshot_id, created_at_ms, operation, run_id, summary_json FROM snapshots ORDER BY snapshot_id
