-- Relation locks held or awaited by one backend on tables and indexes of the given schemas.
-- Parameters: backend pid (int), schema names (text[]).
SELECT c.oid::bigint AS oid, n.nspname AS schema_name, c.relname AS relation_name, c.relkind::text AS kind, l.mode, l.granted,
       CASE WHEN c.relkind = 'i' THEN (SELECT t.relname FROM pg_catalog.pg_index i
                                       JOIN pg_catalog.pg_class t ON t.oid = i.indrelid WHERE i.indexrelid = c.oid) END AS table_name
FROM pg_catalog.pg_locks l
JOIN pg_catalog.pg_class c ON c.oid = l.relation
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE l.locktype = 'relation' AND l.pid = ? AND n.nspname = ANY (?::text[])
