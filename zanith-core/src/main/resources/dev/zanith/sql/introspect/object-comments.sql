-- Comments (pg_description) on the indexes, constraints, sequences, schemas, functions, procedures, triggers,
-- policies, domains, domain constraints, composite types, range types and extended statistics of the introspected
-- schemas, and on the connected role's event triggers whose function is in one of them: one query for all of them. Which of these objects the graph models (an index not backing a constraint, a sequence that is not an
-- identity column's, a trigger on a table introspection reads, ...) is decided by the caller against the graph it
-- built; what an extension owns (pg_depend deptype 'e') is left out here, as the queries reading the objects do, and
-- so are a range type's own constructor functions (deptype 'i'). A routine is named by its argument types as
-- regprocedure prints them (format_type of each of proargtypes, comma-separated), so that with only pg_catalog on the
-- search path the comment names the routine exactly as the routine's signature does. A domain constraint comes with
-- its domain as table_name (only CHECK constraints: NOT NULL, contype 'n' on PostgreSQL 17+, is no constraint the
-- graph models); an event trigger, which belongs to no schema, has an empty schema_name and is chosen as
-- event-triggers.sql chooses event triggers. Left out: the comment initdb
-- puts on schema public ('standard public schema'), which a database has without anyone declaring it.
-- Parameter: schema names (text[]).
WITH s AS (
    SELECT n.oid, n.nspname FROM pg_catalog.pg_namespace n WHERE n.nspname = ANY (?::text[])
)
SELECT CASE c.relkind WHEN 'i' THEN 'index' ELSE 'sequence' END AS object_kind, s.nspname AS schema_name,
       NULL::text AS table_name, c.relname::text AS object_name, NULL::text AS arguments, d.description AS comment
FROM pg_catalog.pg_class c
JOIN s ON s.oid = c.relnamespace
JOIN pg_catalog.pg_description d ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::regclass
                                AND d.objsubid = 0
WHERE c.relkind IN ('i', 'S')
UNION ALL
-- what is named within its table (a constraint, a trigger, a policy): one join to the table for the three
SELECT o.kind, s.nspname, t.relname::text, o.name, NULL, d.description
FROM (SELECT 'constraint' AS kind, co.oid, 'pg_catalog.pg_constraint'::regclass AS catalog, co.conrelid AS relid,
             co.conname::text AS name
      FROM pg_catalog.pg_constraint co WHERE co.contype IN ('p', 'u', 'c', 'f')
      UNION ALL
      SELECT 'trigger', tg.oid, 'pg_catalog.pg_trigger'::regclass, tg.tgrelid, tg.tgname::text
      FROM pg_catalog.pg_trigger tg WHERE NOT tg.tgisinternal
      UNION ALL
      SELECT 'policy', po.oid, 'pg_catalog.pg_policy'::regclass, po.polrelid, po.polname::text
      FROM pg_catalog.pg_policy po) o
JOIN pg_catalog.pg_class t ON t.oid = o.relid
JOIN s ON s.oid = t.relnamespace
JOIN pg_catalog.pg_description d ON d.objoid = o.oid AND d.classoid = o.catalog
UNION ALL
SELECT 'schema', s.nspname, NULL, NULL, NULL, d.description
FROM s
JOIN pg_catalog.pg_description d ON d.objoid = s.oid AND d.classoid = 'pg_catalog.pg_namespace'::regclass
WHERE NOT (s.nspname = 'public' AND d.description = 'standard public schema')
UNION ALL
SELECT CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END, s.nspname, NULL, p.proname::text,
       (SELECT coalesce(string_agg(pg_catalog.format_type(a.type, NULL), ',' ORDER BY a.position), '')
        FROM unnest(p.proargtypes::oid[]) WITH ORDINALITY AS a(type, position)),
       d.description
FROM pg_catalog.pg_proc p
JOIN s ON s.oid = p.pronamespace
JOIN pg_catalog.pg_description d ON d.objoid = p.oid AND d.classoid = 'pg_catalog.pg_proc'::regclass
WHERE p.prokind IN ('f', 'p', 'w')
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend dep
                  WHERE dep.classid = 'pg_catalog.pg_proc'::regclass AND dep.objid = p.oid AND dep.deptype IN ('e', 'i'))
UNION ALL
SELECT CASE ty.typtype WHEN 'd' THEN 'domain' WHEN 'c' THEN 'compositeType' ELSE 'rangeType' END, s.nspname, NULL,
       ty.typname::text, NULL, d.description
FROM pg_catalog.pg_type ty
JOIN s ON s.oid = ty.typnamespace
JOIN pg_catalog.pg_description d ON d.objoid = ty.oid AND d.classoid = 'pg_catalog.pg_type'::regclass
-- a composite type only when it stands alone (relkind 'c'), not a table's or a view's row type
WHERE (ty.typtype IN ('d', 'r') OR ty.typtype = 'c' AND EXISTS (SELECT 1 FROM pg_catalog.pg_class r
                                                                  WHERE r.oid = ty.typrelid AND r.relkind = 'c'))
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend dep
                  WHERE dep.classid = 'pg_catalog.pg_type'::regclass AND dep.objid = ty.oid AND dep.deptype = 'e')
UNION ALL
SELECT 'statistics', s.nspname, NULL, st.stxname::text, NULL, d.description
FROM pg_catalog.pg_statistic_ext st
JOIN s ON s.oid = st.stxnamespace
JOIN pg_catalog.pg_description d ON d.objoid = st.oid AND d.classoid = 'pg_catalog.pg_statistic_ext'::regclass
WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend dep
                  WHERE dep.classid = 'pg_catalog.pg_statistic_ext'::regclass AND dep.objid = st.oid
                    AND dep.deptype = 'e')
UNION ALL
SELECT 'domainConstraint', s.nspname, ty.typname::text, co.conname::text, NULL, d.description
FROM pg_catalog.pg_constraint co
JOIN pg_catalog.pg_type ty ON ty.oid = co.contypid
JOIN s ON s.oid = ty.typnamespace
JOIN pg_catalog.pg_description d ON d.objoid = co.oid AND d.classoid = 'pg_catalog.pg_constraint'::regclass
WHERE co.contypid <> 0 AND co.contype = 'c'
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend dep
                  WHERE dep.classid = 'pg_catalog.pg_type'::regclass AND dep.objid = ty.oid AND dep.deptype = 'e')
UNION ALL
SELECT 'eventTrigger', '', NULL, e.evtname::text, NULL, d.description
FROM pg_catalog.pg_event_trigger e
JOIN pg_catalog.pg_proc p ON p.oid = e.evtfoid
JOIN s ON s.oid = p.pronamespace
JOIN pg_catalog.pg_description d ON d.objoid = e.oid AND d.classoid = 'pg_catalog.pg_event_trigger'::regclass
WHERE e.evtowner = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = current_user)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend dep
                  WHERE dep.classid = 'pg_catalog.pg_event_trigger'::regclass AND dep.objid = e.oid
                    AND dep.deptype = 'e')
ORDER BY 2, 3, 1, 4, 5
