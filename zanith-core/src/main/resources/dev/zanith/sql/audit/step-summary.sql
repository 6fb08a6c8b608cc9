-- Rewrites a step's summary to say how it completed when that differs from what its SQL says (e.g. a detach that
-- was finalized). Parameters: summary, migration_id, step_index.
UPDATE {steps} SET summary = ? WHERE migration_id = ? AND step_index = ?
