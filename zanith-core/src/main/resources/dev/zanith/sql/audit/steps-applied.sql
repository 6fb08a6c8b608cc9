-- Steps of applied migrations (for history --verbose), in ledger order.
SELECT s.migration_id, s.step_index, s.operation_kind, s.status, s.sql, s.summary, s.risk_level, s.risk_score, s.reasons,
       s.error, s.sqlstate, s.duration_ms, s.started_at, s.finished_at, s.attempts
FROM {steps} s
JOIN {migrations} m ON m.id = s.migration_id
ORDER BY m.applied_at, m.id, s.step_index
