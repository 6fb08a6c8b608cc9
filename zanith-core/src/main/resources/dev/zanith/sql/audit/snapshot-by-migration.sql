-- One snapshot with its graph. Parameters: migration_id, phase.
SELECT id, migration_id, phase, fingerprint, model_count, field_count, captured_at, graph::text AS graph
FROM {snapshots}
WHERE migration_id = ? AND phase = ?
