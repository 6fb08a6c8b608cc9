-- The most recently applied migration (restores left out), through the applied_at index. Parameter: the restore
-- id prefix.
SELECT id, checksum, applied_at, duration_ms, applied_by, description, repairs::text AS repairs, kind, adopted_from::text AS adopted_from
FROM {migrations}
WHERE NOT starts_with(id, ?)
ORDER BY applied_at DESC, id DESC
LIMIT 1
