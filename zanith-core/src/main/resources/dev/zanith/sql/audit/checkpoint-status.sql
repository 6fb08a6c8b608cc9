-- Sets the status of a checkpoint. Parameters: status, migration_id, step_index.
UPDATE {checkpoints} SET status = ?, updated_at = now() WHERE migration_id = ? AND step_index = ?
