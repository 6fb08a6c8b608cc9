-- One ordinary table by schema and name, whatever its name (parked tables included), with the columns the
-- table reader needs. Parameters: schema name (text), table name (text).
SELECT c.oid                          AS table_oid,
       n.nspname                      AS schema_name,
       c.relname                      AS table_name,
       c.relpersistence = 'u'         AS unlogged,
       -- the table's reloptions and its TOAST table's (prefixed toast., as ALTER TABLE SET spells them), sorted
       ARRAY(SELECT o FROM unnest(c.reloptions) o
             UNION ALL
             SELECT 'toast.' || o FROM pg_catalog.pg_class tc, unnest(tc.reloptions) o WHERE tc.oid = c.reltoastrelid
             ORDER BY 1) AS storage_parameters,
       c.relrowsecurity               AS rls_enabled,
       c.relforcerowsecurity          AS rls_forced,
       d.description                  AS comment,
       CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partition_key
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_description d
       ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = 0
WHERE c.relkind IN ('r', 'p')
  AND n.nspname = ?
  AND c.relname = ?
