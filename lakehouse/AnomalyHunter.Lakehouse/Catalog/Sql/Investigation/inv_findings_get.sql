SELECT verdict_id, agent, source, confidence, severity, finding_json
FROM verdict_findings
WHERE verdict_id = @id
ORDER BY agent
