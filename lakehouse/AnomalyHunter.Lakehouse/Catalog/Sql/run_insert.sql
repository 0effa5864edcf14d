INSERT INTO job_runs (run_id, job, parameters_json, snapshot_id, started_at_ms, ended_at_ms, outcome, counts_json, error, host, pid)
VALUES (@run, @job, @parameters, @snapshot, @started, NULL, @outcome, '{}', NULL, @host, @pid)
