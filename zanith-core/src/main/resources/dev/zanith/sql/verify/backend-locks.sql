-- Relation locks held or awaited by one backend; the caller keeps those on relations it listed before the step
-- (by oid, so a table renamed or moved to another schema by the step still counts as itself).
-- Parameter: backend pid (int).
SELECT l.relation::bigint AS oid, l.mode, l.granted
FROM pg_catalog.pg_locks l
WHERE l.locktype = 'relation' AND l.pid = ?
