-- Records steps left "running" by an apply that ended without finishing them (process killed, connection lost
-- before the failure could be written) as failed with the given cause. Run only under the apply lock, when no
-- apply can be running them. Parameters: error. Returns the migration id and step index of each.
UPDATE {steps} s
SET status = 'failed', error = ?, finished_at = now()
WHERE s.status = 'running'
  AND NOT EXISTS (SELECT 1 FROM {migrations} m WHERE m.id = s.migration_id)
RETURNING s.migration_id, s.step_index
