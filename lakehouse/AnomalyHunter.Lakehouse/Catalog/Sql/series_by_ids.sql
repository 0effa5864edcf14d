SELECT series_id, tenant, region, metric, labels_json, created_at_ms
FROM series
WHERE series_id IN ({ids})
ORDER BY series_id
