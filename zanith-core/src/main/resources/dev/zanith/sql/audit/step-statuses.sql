-- The status of each recorded step of a migration. Parameter: migration_id.
SELECT step_index, status FROM {steps} WHERE migration_id = ? ORDER BY step_index
