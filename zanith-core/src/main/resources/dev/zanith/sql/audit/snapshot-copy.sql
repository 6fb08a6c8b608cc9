-- Stores a snapshot of the graph already stored as another row (the "after" of one migration is the "before" of
-- the next): the stored row's manifest (or inline graph) is copied on the server, nothing is sent again. Same
-- conflict rule as snapshot-insert.sql.
-- Parameters: migration_id, phase (the new row); migration_id, phase (the stored row).
INSERT INTO {snapshot_rows} (migration_id, phase, manifest, graph, fingerprint, model_count, field_count)
SELECT ?, ?, s.manifest, s.graph, s.fingerprint, s.model_count, s.field_count
FROM {snapshot_rows} s
WHERE s.migration_id = ? AND s.phase = ?
ON CONFLICT (migration_id, phase) DO UPDATE
SET manifest = EXCLUDED.manifest, graph = EXCLUDED.graph, fingerprint = EXCLUDED.fingerprint,
    model_count = EXCLUDED.model_count, field_count = EXCLUDED.field_count, captured_at = now()
WHERE EXCLUDED.phase = 'after'
