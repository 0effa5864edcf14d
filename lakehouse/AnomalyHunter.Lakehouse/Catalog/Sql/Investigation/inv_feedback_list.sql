SELECT feedback_id, verdict_id, verdict, note, resolved_by, user_name, created_at_ms, learning_version
FROM verdict_feedback
WHERE (@verdict_id IS NULL OR verdict_id = @verdict_id)
ORDER BY feedback_id
