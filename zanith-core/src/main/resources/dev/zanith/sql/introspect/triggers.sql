-- User triggers on the ordinary tables of the introspected schemas, in one pass: not internal ones (foreign keys'),
-- not the clones a partition inherits from its parent (tgparentid), not on Zanith's own or parked tables (name
-- prefix) nor on tables an extension owns. tgenabled: O origin, D disabled, R replica, A always.
-- Scope: every such table, or (for a refresh that re-reads some tables) only the given ones.
-- Parameters: excluded prefix (text), schema names (text[]), everything (boolean), table oids when not everything
-- (bigint[]).
SELECT n.nspname AS schema_name,
       c.relname AS table_name,
       t.tgname AS trigger_name,
       pg_catalog.pg_get_triggerdef(t.oid) AS definition,
       t.tgfoid::pg_catalog.regprocedure::text AS function_signature,
       t.tgenabled::text AS enabled
FROM pg_catalog.pg_trigger t
JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN (SELECT ?::text AS prefix) p
WHERE NOT t.tgisinternal
  AND t.tgparentid = 0
  AND c.relkind = 'r'
  AND NOT c.relispartition
  AND n.nspname = ANY (?::text[])
  AND (?::boolean OR c.oid = ANY (?::bigint[]::oid[]))
  AND (p.prefix = '' OR left(c.relname, length(p.prefix)) <> p.prefix)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend dep
                  WHERE dep.classid = 'pg_catalog.pg_class'::regclass AND dep.objid = c.oid AND dep.deptype = 'e')
ORDER BY n.nspname, c.relname, t.tgname
