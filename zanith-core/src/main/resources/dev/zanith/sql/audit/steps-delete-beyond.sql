-- Forgets step rows past the end of an edited, partially applied migration (only rows that never completed).
-- Parameters: migration_id, step count.
DELETE FROM {steps} WHERE migration_id = ? AND step_index > ? AND status <> 'done'
