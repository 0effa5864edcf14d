DELETE FROM data_files WHERE file_id = @id AND removed_snapshot IS NOT NULL
