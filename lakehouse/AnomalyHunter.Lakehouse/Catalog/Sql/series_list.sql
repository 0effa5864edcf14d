SELECT series_id, tenant, region, metric, labels_json, created_at_ms
FROM series
WHERE @contains IS NULL OR series_key LIKE @contains ESCAPE '\'
ORDER BY series_id
