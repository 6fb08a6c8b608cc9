-- Every recorded step of one migration, in order. Parameter: migration_id.
SELECT migration_id, step_index, operation_kind, status, sql, summary, risk_level, risk_score, reasons, error, sqlstate,
       duration_ms, started_at, finished_at, attempts
FROM {steps}
WHERE migration_id = ?
ORDER BY step_index
