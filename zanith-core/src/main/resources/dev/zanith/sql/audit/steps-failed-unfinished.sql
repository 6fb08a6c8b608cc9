-- Failed steps of migrations that are not in the ledger, oldest failure first, through the partial index on
-- failed steps.
SELECT s.migration_id, s.step_index, s.operation_kind, s.status, s.sql, s.summary, s.risk_level, s.risk_score, s.reasons,
       s.error, s.sqlstate, s.duration_ms, s.started_at, s.finished_at, s.attempts
FROM {steps} s
WHERE s.status = 'failed'
  AND NOT EXISTS (SELECT 1 FROM {migrations} m WHERE m.id = s.migration_id)
ORDER BY s.finished_at, s.migration_id, s.step_index
