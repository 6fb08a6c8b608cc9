-- Applied migrations in order of application.
SELECT id, checksum, applied_at, duration_ms, applied_by, description, repairs::text AS repairs
FROM {migrations}
ORDER BY applied_at, id
