-- One snapshot with its graph. Parameter: id.
SELECT id, migration_id, phase, fingerprint, model_count, field_count, captured_at, graph::text AS graph
FROM {snapshots}
WHERE id = ?
