SELECT COUNT(*) FROM ingested_sources WHERE source_sha256 = @sha
