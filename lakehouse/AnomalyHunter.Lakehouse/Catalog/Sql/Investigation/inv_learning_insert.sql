INSERT INTO learning_versions (version, created_at_ms, rule, feedback_id, state_json, changes_json)
VALUES (@version, @created, @rule, @feedback, @state, @changes)
