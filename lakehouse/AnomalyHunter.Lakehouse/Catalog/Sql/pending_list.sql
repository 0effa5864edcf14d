SELECT path, run_id, created_at_ms FROM pending_files ORDER BY path
