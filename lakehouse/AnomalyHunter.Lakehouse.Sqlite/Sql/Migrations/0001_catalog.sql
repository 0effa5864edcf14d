CREATE TABLE catalog_head (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    snapshot_id INTEGER NOT NULL
);
INSERT INTO catalog_head (id, snapshot_id) VALUES (1, 0);

CREATE TABLE snapshots (
    snapshot_id   INTEGER PRIMARY KEY,
    created_at_ms INTEGER NOT NULL,
    operation     TEXT    NOT NULL,
    run_id        TEXT,
    summary_json  TEXT    NOT NULL
);

CREATE TABLE series (
    series_id     INTEGER PRIMARY KEY AUTOINCREMENT,
    series_key    TEXT    NOT NULL UNIQUE,
    tenant        TEXT    NOT NULL,
    region        TEXT    NOT NULL,
    metric        TEXT    NOT NULL,
    labels_json   TEXT    NOT NULL,
    created_at_ms INTEGER NOT NULL
);

CREATE TABLE data_files (
    file_id          INTEGER PRIMARY KEY AUTOINCREMENT,
    path             TEXT    NOT NULL UNIQUE,
    tenant           TEXT    NOT NULL,
    region           TEXT    NOT NULL,
    partition_date   TEXT    NOT NULL,
    row_count        INTEGER NOT NULL,
    min_ts_ms        INTEGER NOT NULL,
    max_ts_ms        INTEGER NOT NULL,
    min_series_id    INTEGER NOT NULL,
    max_series_id    INTEGER NOT NULL,
    size_bytes       INTEGER NOT NULL,
    sha256           TEXT    NOT NULL,
    added_snapshot   INTEGER NOT NULL REFERENCES snapshots (snapshot_id),
    removed_snapshot INTEGER REFERENCES snapshots (snapshot_id)
);
CREATE INDEX ix_data_files_snapshots ON data_files (added_snapshot, removed_snapshot);

CREATE TABLE snapshot_changes (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots (snapshot_id),
    series_id   INTEGER NOT NULL REFERENCES series (series_id),
    min_ts_ms   INTEGER NOT NULL,
    max_ts_ms   INTEGER NOT NULL,
    row_count   INTEGER NOT NULL,
    PRIMARY KEY (snapshot_id, series_id)
);

CREATE TABLE ingested_sources (
    source_sha256    TEXT    PRIMARY KEY,
    source_path      TEXT    NOT NULL,
    snapshot_id      INTEGER NOT NULL REFERENCES snapshots (snapshot_id),
    rows_accepted    INTEGER NOT NULL,
    rows_quarantined INTEGER NOT NULL,
    ingested_at_ms   INTEGER NOT NULL
);

CREATE TABLE pending_files (
    path          TEXT    PRIMARY KEY,
    run_id        TEXT    NOT NULL,
    created_at_ms INTEGER NOT NULL
);

CREATE TABLE job_runs (
    run_id          TEXT    PRIMARY KEY,
    job             TEXT    NOT NULL,
    parameters_json TEXT    NOT NULL,
    snapshot_id     INTEGER,
    started_at_ms   INTEGER NOT NULL,
    ended_at_ms     INTEGER,
    outcome         TEXT    NOT NULL,
    counts_json     TEXT    NOT NULL,
    error           TEXT,
    host            TEXT    NOT NULL,
    pid             INTEGER NOT NULL
);
CREATE INDEX ix_job_runs_started ON job_runs (started_at_ms);

CREATE TABLE consumers (
    consumer      TEXT    PRIMARY KEY,
    snapshot_id   INTEGER NOT NULL,
    version       INTEGER NOT NULL,
    fingerprint   TEXT    NOT NULL,
    updated_at_ms INTEGER NOT NULL
);

CREATE TABLE series_cursors (
    consumer     TEXT    NOT NULL,
    series_id    INTEGER NOT NULL REFERENCES series (series_id),
    watermark_ms INTEGER NOT NULL,
    points_seen  INTEGER NOT NULL,
    state        BLOB    NOT NULL,
    PRIMARY KEY (consumer, series_id)
);

CREATE TABLE anomalies (
    anomaly_id         TEXT    PRIMARY KEY,
    consumer           TEXT    NOT NULL,
    scope              TEXT    NOT NULL,
    group_key          TEXT,
    series_id          INTEGER NOT NULL REFERENCES series (series_id),
    start_ts_ms        INTEGER NOT NULL,
    end_ts_ms          INTEGER NOT NULL,
    peak_ts_ms         INTEGER NOT NULL,
    peak_score         REAL    NOT NULL,
    point_count        INTEGER NOT NULL,
    passes             TEXT    NOT NULL,
    contributions_json TEXT    NOT NULL,
    first_run_id       TEXT    NOT NULL,
    last_run_id        TEXT    NOT NULL,
    is_open            INTEGER NOT NULL
);
CREATE INDEX ix_anomalies_time ON anomalies (start_ts_ms);
CREATE INDEX ix_anomalies_series ON anomalies (consumer, series_id, start_ts_ms);

CREATE TABLE group_cursors (
    consumer     TEXT    NOT NULL,
    group_key    TEXT    NOT NULL,
    watermark_ms INTEGER NOT NULL,
    points_seen  INTEGER NOT NULL,
    state        BLOB    NOT NULL,
    PRIMARY KEY (consumer, group_key)
);
