-- Types (array element types for arrays) of the columns Zanith has parked: soft-dropped columns, and every
-- column of a soft-dropped table. Such types must stay until the parked data is purged, whatever the declared
-- schema says. Run with search_path = pg_catalog so that format_type qualifies every user type.
-- Parameters: schemas (text[]), the parked-name prefix (text), the same prefix again (text).
SELECT DISTINCT pg_catalog.format_type(CASE WHEN t.typcategory = 'A' THEN t.typelem ELSE t.oid END, NULL) AS type_name
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
WHERE c.relkind IN ('r', 'p')
  AND a.attnum > 0
  AND NOT a.attisdropped
  AND n.nspname = ANY (?::text[])
  AND (pg_catalog.starts_with(c.relname, ?) OR pg_catalog.starts_with(a.attname, ?))
ORDER BY 1
