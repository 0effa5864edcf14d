DELETE FROM verdict_findings WHERE verdict_id = @id
