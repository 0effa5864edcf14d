CREATE TABLE verdicts (
    verdict_id       TEXT    PRIMARY KEY,
    anomaly_id       TEXT    NOT NULL,
    run_id           TEXT    NOT NULL,
    series_id        INTEGER NOT NULL,
    created_at_ms    INTEGER NOT NULL,
    decision         TEXT    NOT NULL,
    pattern          TEXT    NOT NULL,
    severity         INTEGER NOT NULL,
    confidence       REAL    NOT NULL,
    snapshot_id      INTEGER NOT NULL,
    detector         TEXT    NOT NULL,
    learning_version INTEGER NOT NULL,
    degraded         INTEGER NOT NULL,
    verdict_json     TEXT    NOT NULL
);
CREATE INDEX ix_verdicts_created ON verdicts (created_at_ms);
CREATE INDEX ix_verdicts_anomaly ON verdicts (anomaly_id);
CREATE INDEX ix_verdicts_run ON verdicts (run_id);

CREATE TABLE verdict_findings (
    verdict_id   TEXT    NOT NULL REFERENCES verdicts (verdict_id) ON DELETE CASCADE,
    agent        TEXT    NOT NULL,
    source       TEXT    NOT NULL,
    confidence   REAL    NOT NULL,
    severity     INTEGER NOT NULL,
    finding_json TEXT    NOT NULL,
    PRIMARY KEY (verdict_id, agent)
);

CREATE TABLE learning_head (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
INSERT INTO learning_head (id, version) VALUES (1, 0);

CREATE TABLE verdict_feedback (
    feedback_id      INTEGER PRIMARY KEY AUTOINCREMENT,
    verdict_id       TEXT    NOT NULL REFERENCES verdicts (verdict_id),
    verdict          TEXT    NOT NULL,
    note             TEXT,
    resolved_by      TEXT,
    user_name        TEXT    NOT NULL,
    created_at_ms    INTEGER NOT NULL,
    learning_version INTEGER NOT NULL
);
CREATE INDEX ix_verdict_feedback_verdict ON verdict_feedback (verdict_id);

CREATE TABLE learning_versions (
    version       INTEGER PRIMARY KEY,
    created_at_ms INTEGER NOT NULL,
    rule          TEXT    NOT NULL,
    feedback_id   INTEGER REFERENCES verdict_feedback (feedback_id),
    state_json    TEXT    NOT NULL,
    changes_json  TEXT    NOT NULL
);

CREATE TABLE llm_calls (
    call_id           INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id            TEXT    NOT NULL,
    anomaly_id        TEXT    NOT NULL,
    agent             TEXT    NOT NULL,
    endpoint          TEXT    NOT NULL,
    region            TEXT    NOT NULL,
    model             TEXT    NOT NULL,
    prompt_version    TEXT    NOT NULL,
    request_sha256    TEXT    NOT NULL,
    prompt_tokens     INTEGER NOT NULL,
    completion_tokens INTEGER NOT NULL,
    cost              REAL    NOT NULL,
    outcome           TEXT    NOT NULL,
    error             TEXT,
    started_at_ms     INTEGER NOT NULL,
    duration_ms       INTEGER NOT NULL
);
CREATE INDEX ix_llm_calls_run ON llm_calls (run_id);

CREATE TABLE llm_cache (
    cache_key         TEXT    PRIMARY KEY,
    agent             TEXT    NOT NULL,
    model             TEXT    NOT NULL,
    prompt_version    TEXT    NOT NULL,
    response_json     TEXT    NOT NULL,
    prompt_tokens     INTEGER NOT NULL,
    completion_tokens INTEGER NOT NULL,
    created_at_ms     INTEGER NOT NULL
);
