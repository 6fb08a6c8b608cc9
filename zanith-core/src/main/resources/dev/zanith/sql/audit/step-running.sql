-- Marks a step running. Parameters: sql, risk_level, risk_score, reasons (text[]), migration_id, step_index.
UPDATE {steps}
SET status = 'running', sql = ?, risk_level = ?, risk_score = ?, reasons = ?, started_at = now(), finished_at = NULL,
    error = NULL, sqlstate = NULL, duration_ms = NULL, attempts = attempts + 1
WHERE migration_id = ? AND step_index = ?
