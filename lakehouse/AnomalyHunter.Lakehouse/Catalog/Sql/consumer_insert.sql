INSERT INTO consumers (consumer, snapshot_id, version, fingerprint, updated_at_ms)
VALUES (@consumer, @snapshot, 1, @fingerprint, @now)
ON CONFLICT (consumer) DO NOTHING
