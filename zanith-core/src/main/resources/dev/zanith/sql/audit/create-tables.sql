-- Zanith's audit tables. {name} placeholders are replaced by quoted identifiers (identifiers cannot be bound).
-- Run in one transaction after pg_advisory_xact_lock, so concurrent first connects do not race.
CREATE SCHEMA IF NOT EXISTS {schema};

-- The ledger: one narrow row per fully applied migration.
CREATE TABLE IF NOT EXISTS {migrations} (
    id          text        PRIMARY KEY,
    applied_at  timestamptz NOT NULL DEFAULT now(),
    checksum    text        NOT NULL,
    duration_ms bigint      NOT NULL,
    applied_by  text        NOT NULL DEFAULT current_user,
    description text,
    -- Deliberate checksum changes (zanith repair --accept-checksum): [{at, by, previous, accepted, location}].
    repairs     jsonb       NOT NULL DEFAULT '[]'
);
CREATE INDEX IF NOT EXISTS {migrations_time_index} ON {migrations} (applied_at);

-- The black box: one row per operation of every migration that started, with its outcome.
CREATE TABLE IF NOT EXISTS {steps} (
    migration_id   text        NOT NULL,
    step_index     integer     NOT NULL,
    operation_kind text        NOT NULL,
    status         text        NOT NULL
        CHECK (status IN ('pending', 'running', 'done', 'failed', 'skipped')),
    sql            text        NOT NULL,
    risk_level     text,
    risk_score     integer,
    reasons        text[]      NOT NULL DEFAULT '{}',
    error          text,
    sqlstate       text,
    duration_ms    bigint,
    started_at     timestamptz,
    finished_at    timestamptz,
    attempts       integer     NOT NULL DEFAULT 0,
    summary        text,
    PRIMARY KEY (migration_id, step_index)
);
CREATE INDEX IF NOT EXISTS {steps_failed_index} ON {steps} (finished_at) WHERE status = 'failed';
CREATE INDEX IF NOT EXISTS {steps_kind_index} ON {steps} (operation_kind, duration_ms) WHERE status = 'done';

-- The schema graph on each side of an apply: one row per migration x phase holding a manifest of content-addressed
-- parts (GraphParts), or (rows stored before the parts existed) the whole graph; the view {snapshots} assembles
-- them (snapshot-view.sql, created by MigrationHistory.ensureTables after this script).
CREATE TABLE IF NOT EXISTS {snapshot_rows} (
    id           bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    migration_id text        NOT NULL,
    phase        text        NOT NULL CHECK (phase IN ('before', 'after')),
    graph        jsonb,
    fingerprint  text        NOT NULL,
    model_count  integer     NOT NULL,
    field_count  integer     NOT NULL,
    captured_at  timestamptz NOT NULL DEFAULT now(),
    manifest     jsonb,
    PRIMARY KEY (migration_id, phase)
);
CREATE INDEX IF NOT EXISTS {snapshots_time_index} ON {snapshot_rows} (captured_at);
-- The parts of stored graphs by content hash: a table unchanged across a thousand snapshots is stored once.
CREATE TABLE IF NOT EXISTS {snapshot_parts} (
    hash text  PRIMARY KEY,
    body jsonb NOT NULL
);

-- What destructive operations left behind, and how to bring it back.
CREATE TABLE IF NOT EXISTS {artifacts} (
    id             text        PRIMARY KEY,
    migration_id   text        NOT NULL,
    step_index     integer     NOT NULL,
    artifact_type  text        NOT NULL
        CHECK (artifact_type IN ('soft_drop_column', 'soft_drop_table', 'archive_column', 'archive_table', 'rebuild_table')),
    source_schema  text        NOT NULL,
    source_table   text        NOT NULL,
    source_column  text,
    physical_name  text        NOT NULL,
    definition     jsonb       NOT NULL,
    checksum       text,
    row_count      bigint,
    size_bytes     bigint,
    recovery_sql   text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    expires_at     timestamptz,
    status         text        NOT NULL DEFAULT 'live'
        CHECK (status IN ('live', 'restoring', 'restored', 'purging', 'purged')),
    status_changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS {artifacts_source_index} ON {artifacts} (source_schema, source_table, source_column);
CREATE INDEX IF NOT EXISTS {artifacts_live_index} ON {artifacts} (created_at) WHERE status = 'live';

-- Resumable progress of long-running steps (backfills).
CREATE TABLE IF NOT EXISTS {checkpoints} (
    migration_id   text        NOT NULL,
    step_index     integer     NOT NULL,
    "cursor"       jsonb,
    processed_rows bigint      NOT NULL DEFAULT 0,
    total_rows     bigint,
    status         text        NOT NULL CHECK (status IN ('running', 'done', 'failed')),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (migration_id, step_index)
);

-- Columns added after the first snapshot builds: upgrade tables those builds created (no-ops afterwards).
ALTER TABLE {migrations} ADD COLUMN IF NOT EXISTS repairs jsonb NOT NULL DEFAULT '[]';
-- Who restored an artifact, and the ledger id of the restore (zanith recover restore-column / restore-table).
ALTER TABLE {artifacts} ADD COLUMN IF NOT EXISTS restored_by text;
ALTER TABLE {artifacts} ADD COLUMN IF NOT EXISTS restore_id text;
-- What a ledger row records: a migration Zanith ran, a baseline (zanith baseline: the live schema taken as the
-- starting point, nothing executed; files whose id sorts at or before it count as applied) or a migration another
-- tool ran (zanith adopt flyway|liquibase), with that tool's own record of it in adopted_from.
ALTER TABLE {migrations} ADD COLUMN IF NOT EXISTS kind text NOT NULL DEFAULT 'migration'
    CHECK (kind IN ('migration', 'baseline', 'adopted'));
ALTER TABLE {migrations} ADD COLUMN IF NOT EXISTS adopted_from jsonb;
CREATE INDEX IF NOT EXISTS {migrations_baseline_index} ON {migrations} (id) WHERE kind = 'baseline';
