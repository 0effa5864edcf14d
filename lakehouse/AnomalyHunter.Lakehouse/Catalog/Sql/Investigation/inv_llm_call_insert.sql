INSERT INTO llm_calls (run_id, anomaly_id, agent, endpoint, region, model, prompt_version, request_sha256, prompt_tokens,
                       completion_tokens, cost, outcome, error, started_at_ms, duration_ms)
VALUES (@run, @anomaly, @agent, @endpoint, @region, @model, @prompt_version, @sha, @prompt_tokens, @completion_tokens, @cost,
        @outcome, @error, @started, @duration)
RETURNING call_id
