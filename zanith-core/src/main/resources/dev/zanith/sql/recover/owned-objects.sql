-- The objects of a table that live in its schema's relation namespace, where a re-created table of the same name
-- would collide with them: indexes (through their constraint for primary key, unique and exclusion constraints,
-- which renames the index too) and sequences owned by its columns (serial, identity).
-- Parameters: the table's qualified name as SQL text, three times.
SELECT 'constraint' AS kind, n.nspname AS schema_name, con.conname AS name
FROM pg_catalog.pg_constraint con
JOIN pg_catalog.pg_class t ON t.oid = con.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
WHERE con.conrelid = pg_catalog.to_regclass(?) AND con.contype IN ('p', 'u', 'x')
UNION ALL
SELECT 'index', n.nspname, ic.relname
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_namespace n ON n.oid = ic.relnamespace
WHERE i.indrelid = pg_catalog.to_regclass(?)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con
                  WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x'))
UNION ALL
SELECT 'sequence', n.nspname, s.relname
FROM pg_catalog.pg_depend d
JOIN pg_catalog.pg_class s ON s.oid = d.objid AND s.relkind = 'S'
JOIN pg_catalog.pg_namespace n ON n.oid = s.relnamespace
WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.refclassid = 'pg_catalog.pg_class'::regclass
  AND d.refobjid = pg_catalog.to_regclass(?) AND d.deptype IN ('a', 'i')
ORDER BY 1, 3
