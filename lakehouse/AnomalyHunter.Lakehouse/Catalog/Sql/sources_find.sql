SELECT source_sha256 FROM ingested_sources WHERE source_sha256 IN ({shas})
