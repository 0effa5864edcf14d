SELECT verdict_id FROM verdicts WHERE verdict_id IN ({ids})
