-- Marks a step failed. Parameters: error, sqlstate, duration_ms, migration_id, step_index.
UPDATE {steps}
SET status = 'failed', finished_at = now(), error = ?, sqlstate = ?, duration_ms = ?
WHERE migration_id = ? AND step_index = ?
