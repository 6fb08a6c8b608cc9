-- Stores a snapshot as the changes from one stored earlier in the run (the "before" of the same migration): the
-- earlier row's graph with {patched} applied, an expression of nested jsonb_set / jsonb_insert / #- calls on
-- s.graph, one per changed top-level property or table, every path and value a bound parameter (see
-- GraphChanges). Only the changes are sent and parsed, and each edit is one pass over the stored jsonb on the
-- server; the result is the jsonb a whole new graph would give (SchemaSnapshotsTest). Same conflict rule as
-- snapshot-insert.sql. With s.graph itself as {patched} and null fingerprint and counts, a copy of the stored row
-- (the "after" of one migration is the "before" of the next).
-- Parameters: migration_id, phase (the new row); those of {patched}; fingerprint, model_count, field_count (null:
-- the stored row's); migration_id, phase (the stored row derived from).
INSERT INTO {snapshots} (migration_id, phase, graph, fingerprint, model_count, field_count)
SELECT ?, ?, {patched}, coalesce(CAST(? AS text), s.fingerprint), coalesce(CAST(? AS integer), s.model_count),
       coalesce(CAST(? AS integer), s.field_count)
FROM {snapshots} s
WHERE s.migration_id = ? AND s.phase = ?
ON CONFLICT (migration_id, phase) DO UPDATE
SET graph = EXCLUDED.graph, fingerprint = EXCLUDED.fingerprint, model_count = EXCLUDED.model_count,
    field_count = EXCLUDED.field_count, captured_at = now()
WHERE EXCLUDED.phase = 'after'
