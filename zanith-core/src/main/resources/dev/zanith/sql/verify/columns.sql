-- The columns of every table of the given schemas by table oid and attribute number: a column keeps its number
-- when renamed, so a raw statement's renames are told apart from a drop and an add. Parameter: schema names (text[]).
SELECT a.attrelid::bigint AS oid, a.attnum AS position, a.attname AS column_name
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ANY (?::text[]) AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
