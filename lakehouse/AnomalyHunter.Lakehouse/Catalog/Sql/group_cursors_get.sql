SELECT group_key, watermark_ms, points_seen, state FROM group_cursors
WHERE consumer = @consumer AND group_key IN ({keys})
