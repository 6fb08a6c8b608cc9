-- Stores a schema snapshot as its manifest (see GraphParts; its parts are stored first, snapshot-parts-insert.sql).
-- "before" keeps the first one taken (a resumed migration started from it); "after" is replaced.
-- Parameters: migration_id, phase, manifest (json text), fingerprint, model_count, field_count.
INSERT INTO {snapshot_rows} (migration_id, phase, manifest, fingerprint, model_count, field_count)
VALUES (?, ?, CAST(? AS jsonb), ?, ?, ?)
ON CONFLICT (migration_id, phase) DO UPDATE
SET manifest = EXCLUDED.manifest, graph = NULL, fingerprint = EXCLUDED.fingerprint,
    model_count = EXCLUDED.model_count, field_count = EXCLUDED.field_count, captured_at = now()
WHERE EXCLUDED.phase = 'after'
