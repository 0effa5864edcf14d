UPDATE consumers SET snapshot_id = @snapshot, version = version + 1, fingerprint = @fingerprint, updated_at_ms = @now
WHERE consumer = @consumer AND version = @expected
