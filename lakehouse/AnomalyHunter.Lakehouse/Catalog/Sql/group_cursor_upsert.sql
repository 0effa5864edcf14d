INSERT INTO group_cursors (consumer, group_key, watermark_ms, points_seen, state)
VALUES (@consumer, @group, @watermark, @points, @state)
ON CONFLICT (consumer, group_key) DO UPDATE SET
  watermark_ms = excluded.watermark_ms, points_seen = excluded.points_seen, state = excluded.state
