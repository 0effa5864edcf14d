INSERT INTO series_cursors (consumer, series_id, watermark_ms, points_seen, state)
VALUES (@consumer, @series, @watermark, @points, @state)
ON CONFLICT (consumer, series_id) DO UPDATE SET
  watermark_ms = excluded.watermark_ms, points_seen = excluded.points_seen, state = excluded.state
