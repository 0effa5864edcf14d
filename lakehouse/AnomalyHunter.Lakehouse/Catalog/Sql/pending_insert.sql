INSERT INTO pending_files (path, run_id, created_at_ms) VALUES (@path, @run, @now)
ON CONFLICT (path) DO UPDATE SET run_id = excluded.run_id, created_at_ms = excluded.created_at_ms
