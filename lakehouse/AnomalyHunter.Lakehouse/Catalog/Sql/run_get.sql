SELECT run_id, job, parameters_json, snapshot_id, started_at_ms, ended_at_ms, outcome, counts_json, error, host, pid
FROM job_runs WHERE run_id = @run
