-- Steps of migrations that started but are not in the ledger (failed or interrupted runs), in order.
SELECT s.migration_id, s.step_index, s.operation_kind, s.status, s.sql, s.summary, s.risk_level, s.risk_score, s.reasons,
       s.error, s.sqlstate, s.duration_ms, s.started_at, s.finished_at, s.attempts
FROM {steps} s
WHERE NOT EXISTS (SELECT 1 FROM {migrations} m WHERE m.id = s.migration_id)
ORDER BY s.migration_id, s.step_index
