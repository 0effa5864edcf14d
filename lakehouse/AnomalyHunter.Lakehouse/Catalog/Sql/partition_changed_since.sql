SELECT COUNT(*) FROM data_files
WHERE tenant = @tenant AND region = @region AND partition_date = @date
  AND (added_snapshot > @snapshot OR (removed_snapshot IS NOT NULL AND removed_snapshot > @snapshot))
