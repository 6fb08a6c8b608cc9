-- Records a step as pending unless a row exists from an earlier run.
-- Parameters: migration_id, step_index, operation_kind, sql, summary, risk_level, risk_score, reasons (text[]).
INSERT INTO {steps} (migration_id, step_index, operation_kind, status, sql, summary, risk_level, risk_score, reasons)
VALUES (?, ?, ?, 'pending', ?, ?, ?, ?, ?)
ON CONFLICT (migration_id, step_index) DO NOTHING
