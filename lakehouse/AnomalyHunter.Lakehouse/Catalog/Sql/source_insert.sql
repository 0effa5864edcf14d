INSERT INTO ingested_sources (source_sha256, source_path, snapshot_id, rows_accepted, rows_quarantined, ingested_at_ms)
VALUES (@sha, @path, @snapshot, @accepted, @quarantined, @now)
