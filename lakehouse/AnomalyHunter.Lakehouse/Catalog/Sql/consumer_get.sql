SELECT consumer, snapshot_id, version, fingerprint, updated_at_ms FROM consumers WHERE consumer = @consumer
