-- Marks a step done (in the step's own transaction). Parameters: duration_ms, migration_id, step_index.
UPDATE {steps}
SET status = 'done', finished_at = now(), duration_ms = ?, error = NULL, sqlstate = NULL
WHERE migration_id = ? AND step_index = ?
