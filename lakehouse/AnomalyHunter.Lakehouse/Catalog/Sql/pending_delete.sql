DELETE FROM pending_files WHERE path = @path
