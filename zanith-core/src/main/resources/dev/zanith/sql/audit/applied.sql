-- Applied migrations in order of application.
SELECT id, checksum, applied_at, duration_ms, applied_by, description, repairs::text AS repairs, kind, adopted_from::text AS adopted_from
FROM {migrations}
ORDER BY applied_at, id
