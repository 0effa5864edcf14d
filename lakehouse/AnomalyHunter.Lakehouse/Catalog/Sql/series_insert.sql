INSERT INTO series (series_key, tenant, region, metric, labels_json, created_at_ms)
VALUES (@key, @tenant, @region, @metric, @labels, @now)
ON CONFLICT (series_key) DO NOTHING
