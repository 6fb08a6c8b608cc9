-- Records a ledger row for something Zanith did not execute: a baseline or an adopted migration, with the time it
-- really happened. Parameters: id, checksum, applied_at (timestamptz), duration_ms, applied_by (null: the current user), description, kind,
-- adopted_from (json text or null).
INSERT INTO {migrations} (id, checksum, applied_at, duration_ms, applied_by, description, kind, adopted_from)
VALUES (?, ?, ?, ?, coalesce(?, current_user), ?, ?, CAST(? AS jsonb))
