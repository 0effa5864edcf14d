INSERT INTO snapshots (snapshot_id, created_at_ms, operation, run_id, summary_json)
VALUES (@id, @now, @operation, @run, @summary)
