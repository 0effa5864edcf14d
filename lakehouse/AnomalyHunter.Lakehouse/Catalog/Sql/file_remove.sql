UPDATE data_files SET removed_snapshot = @snapshot WHERE file_id = @id AND removed_snapshot IS NULL
