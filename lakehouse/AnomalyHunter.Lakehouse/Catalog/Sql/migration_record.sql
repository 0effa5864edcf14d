INSERT INTO schema_migrations (version, name, applied_at_ms) VALUES (@version, @name, @now)
