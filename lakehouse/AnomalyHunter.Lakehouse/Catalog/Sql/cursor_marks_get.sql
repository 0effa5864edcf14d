SELECT series_id, watermark_ms, points_seen FROM series_cursors
WHERE consumer = @consumer AND series_id IN ({ids})
