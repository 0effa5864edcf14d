UPDATE job_runs SET ended_at_ms = @ended, outcome = @outcome, snapshot_id = COALESCE(@snapshot, snapshot_id),
                    counts_json = @counts, error = @error
WHERE run_id = @run
