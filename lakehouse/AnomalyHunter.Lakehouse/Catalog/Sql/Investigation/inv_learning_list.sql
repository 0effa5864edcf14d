SELECT version, created_at_ms, rule, feedback_id, state_json, changes_json
FROM learning_versions
WHERE (@version IS NULL OR version = @version)
ORDER BY version DESC
LIMIT @limit
