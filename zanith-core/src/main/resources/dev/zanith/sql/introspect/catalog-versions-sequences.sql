-- The names of the sequences of the introspected schemas by oid: a sequence whose oid was known under another
-- name was renamed, which changes how the defaults calling it are spelled (then the whole schema is read again).
-- Parameter: schema names (text[]).
SELECT c.oid AS sequence_oid, n.nspname || '.' || c.relname AS sequence_name
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'S' AND n.nspname = ANY (?::text[])
