-- The primary key columns of a table, in key order; no rows without a primary key.
-- Parameter: the table's qualified name as SQL text (e.g. public.users).
SELECT a.attname AS column_name
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
WHERE i.indrelid = pg_catalog.to_regclass(?) AND i.indisprimary
ORDER BY pg_catalog.array_position(i.indkey::int2[], a.attnum)
