-- History tables of other migration tools in any schema of the database, recognised by their columns (whatever
-- their name): Flyway's schema history (flyway_schema_history by default) and Liquibase's change log
-- (databasechangelog by default). System schemas are skipped. No parameters.
SELECT n.nspname AS schema_name, c.relname AS table_name,
       CASE WHEN cols @> ARRAY['installed_rank', 'version', 'description', 'type', 'script', 'checksum', 'installed_on', 'success']
            THEN 'flyway' ELSE 'liquibase' END AS tool
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL (SELECT array_agg(a.attname::text) AS cols FROM pg_catalog.pg_attribute a
                    WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) a
WHERE c.relkind IN ('r', 'p')
  AND n.nspname <> 'information_schema' AND NOT starts_with(n.nspname, 'pg_')
  -- one index probe per table (pg_attribute's (attrelid, attname) index) before any aggregation
  AND EXISTS (SELECT 1 FROM pg_catalog.pg_attribute k
              WHERE k.attrelid = c.oid AND k.attname IN ('installed_rank', 'orderexecuted') AND NOT k.attisdropped)
  AND (cols @> ARRAY['installed_rank', 'version', 'description', 'type', 'script', 'checksum', 'installed_on', 'success']
       OR cols @> ARRAY['id', 'author', 'filename', 'dateexecuted', 'orderexecuted', 'exectype', 'md5sum'])
ORDER BY 1, 2
