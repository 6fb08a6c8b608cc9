-- Stores a snapshot whose graph equals one already stored, copying it on the server instead of sending the graph
-- again (the "after" of one migration is the "before" of the next). Same conflict rule as snapshot-insert.sql.
-- Parameters: migration_id, phase (the new row); migration_id, phase (the stored row to copy).
INSERT INTO {snapshots} (migration_id, phase, graph, fingerprint, model_count, field_count)
SELECT ?, ?, s.graph, s.fingerprint, s.model_count, s.field_count
FROM {snapshots} s
WHERE s.migration_id = ? AND s.phase = ?
ON CONFLICT (migration_id, phase) DO UPDATE
SET graph = EXCLUDED.graph, fingerprint = EXCLUDED.fingerprint, model_count = EXCLUDED.model_count,
    field_count = EXCLUDED.field_count, captured_at = now()
WHERE EXCLUDED.phase = 'after'
