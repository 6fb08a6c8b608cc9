-- Marks a step running, recording what runs now: a step edited after a failure (allowed while it has not
-- completed) is audited as its new kind, SQL and summary. Parameters: operation_kind, sql, summary, risk_level,
-- risk_score, reasons (text[]), migration_id, step_index.
UPDATE {steps}
SET status = 'running', operation_kind = ?, sql = ?, summary = ?, risk_level = ?, risk_score = ?, reasons = ?,
    started_at = now(), finished_at = NULL, error = NULL, sqlstate = NULL, duration_ms = NULL, attempts = attempts + 1
WHERE migration_id = ? AND step_index = ?
