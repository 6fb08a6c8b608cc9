-- Counts another attempt of a step after a lock timeout. Parameters: migration_id, step_index.
UPDATE {steps} SET attempts = attempts + 1 WHERE migration_id = ? AND step_index = ?
