-- Stores a schema snapshot. "before" keeps the first one taken (a resumed migration started from it); "after" is
-- replaced. Parameters: migration_id, phase, graph (json text), fingerprint, model_count, field_count.
INSERT INTO {snapshots} (migration_id, phase, graph, fingerprint, model_count, field_count)
VALUES (?, ?, CAST(? AS jsonb), ?, ?, ?)
ON CONFLICT (migration_id, phase) DO UPDATE
SET graph = EXCLUDED.graph, fingerprint = EXCLUDED.fingerprint, model_count = EXCLUDED.model_count,
    field_count = EXCLUDED.field_count, captured_at = now()
WHERE EXCLUDED.phase = 'after'
