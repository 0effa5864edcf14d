SELECT snapshot_id FROM catalog_head WHERE id = 1
