UPDATE catalog_head SET snapshot_id = snapshot_id + 1 WHERE id = 1 RETURNING snapshot_id
