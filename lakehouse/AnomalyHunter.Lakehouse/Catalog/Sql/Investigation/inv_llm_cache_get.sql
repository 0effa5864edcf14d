SELECT cache_key, agent, model, prompt_version, response_json, prompt_tokens, completion_tokens, created_at_ms
FROM llm_cache
WHERE cache_key = @key
