-- The checkpoint of a long-running step. Parameters: migration_id, step_index.
SELECT "cursor"::text AS cursor, processed_rows, total_rows, status
FROM {checkpoints}
WHERE migration_id = ? AND step_index = ?
