INSERT INTO llm_cache (cache_key, agent, model, prompt_version, response_json, prompt_tokens, completion_tokens, created_at_ms)
VALUES (@key, @agent, @model, @prompt_version, @response, @prompt_tokens, @completion_tokens, @created)
ON CONFLICT (cache_key) DO NOTHING
