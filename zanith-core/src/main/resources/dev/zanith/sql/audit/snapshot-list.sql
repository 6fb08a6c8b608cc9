-- Every snapshot without its graph, oldest first.
SELECT id, migration_id, phase, fingerprint, model_count, field_count, captured_at
FROM {snapshots}
ORDER BY captured_at, id
