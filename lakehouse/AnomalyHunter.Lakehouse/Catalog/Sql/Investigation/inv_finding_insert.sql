INSERT INTO verdict_findings (verdict_id, agent, source, confidence, severity, finding_json)
VALUES (@id, @agent, @source, @confidence, @severity, @json)
