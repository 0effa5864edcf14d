INSERT INTO verdict_feedback (verdict_id, verdict, note, resolved_by, user_name, created_at_ms, learning_version)
VALUES (@verdict_id, @verdict, @note, @resolved_by, @user, @created, @learning)
RETURNING feedback_id
