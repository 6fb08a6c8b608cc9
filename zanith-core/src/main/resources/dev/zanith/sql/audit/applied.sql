-- Applied migrations in order of application.
-- Columns added after the first release are read through to_jsonb(m), so that a ledger written by an older
-- Zanith (before the upgrade that apply runs) still reads: a missing column reads as its default.
SELECT id, checksum, applied_at, duration_ms, applied_by, description,
       coalesce(to_jsonb(m) -> 'repairs', '[]')::text AS repairs,
       coalesce(to_jsonb(m) ->> 'kind', 'migration') AS kind,
       nullif(to_jsonb(m) -> 'adopted_from', 'null'::jsonb)::text AS adopted_from
FROM {migrations} m
ORDER BY applied_at, id
