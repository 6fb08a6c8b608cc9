-- The names of the sequences of the introspected schemas by oid: a sequence whose oid was known under another
-- name was renamed, which changes how the defaults calling it are spelled (then the whole schema is read again).
-- The scope placeholder is TRUE, or limits the reading to given relations (CatalogParts: the sequences an observed
-- change may have touched; the others keep their earlier names). Parameters: schema names (text[]), then the
-- scope's oids (bigint[]) when scoped.
SELECT c.oid AS sequence_oid, n.nspname || '.' || c.relname AS sequence_name
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'S' AND n.nspname = ANY (?::text[]) AND ${scope}
