SELECT call_id, run_id, anomaly_id, agent, endpoint, region, model, prompt_version, request_sha256, prompt_tokens, completion_tokens,
       cost, outcome, error, started_at_ms, duration_ms
FROM llm_calls
WHERE (@run IS NULL OR run_id = @run)
ORDER BY call_id
