-- What a table's catalog rows look like now, cheaply: for every ordinary table of the introspected schemas (the
-- ones introspection hides included, flagged), an md5 over the oid and xmin of each catalog row that introspection
-- reads for it. A row that was inserted or updated since an earlier reading has a new xmin, a deleted one is
-- missing: either way the version differs, so the table is read again. Parameters: excluded prefix (text),
-- schema names (text[]). Same order as tables.sql.
SELECT c.oid                                 AS table_oid,
       n.nspname                             AS schema_name,
       c.relname                             AS table_name,
       (c.relispartition
        OR (p.prefix <> '' AND left(c.relname, length(p.prefix)) = p.prefix)
        OR EXISTS (SELECT 1 FROM pg_catalog.pg_depend dep
                   WHERE dep.classid = 'pg_catalog.pg_class'::regclass AND dep.objid = c.oid
                     AND dep.deptype = 'e')) AS hidden,
       pg_catalog.md5(concat_ws('|',
           c.xmin::text,
           (SELECT string_agg(a.attnum || ':' || a.xmin, ',' ORDER BY a.attnum)
            FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0),
           (SELECT string_agg(ad.oid || ':' || ad.xmin, ',' ORDER BY ad.oid)
            FROM pg_catalog.pg_attrdef ad WHERE ad.adrelid = c.oid),
           (SELECT string_agg(co.oid || ':' || co.xmin, ',' ORDER BY co.oid)
            FROM pg_catalog.pg_constraint co WHERE co.conrelid = c.oid),
           (SELECT string_agg(i.indexrelid || ':' || i.xmin || ':' || ic.xmin, ',' ORDER BY i.indexrelid)
            FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
            WHERE i.indrelid = c.oid),
           (SELECT string_agg(po.oid || ':' || po.xmin, ',' ORDER BY po.oid)
            FROM pg_catalog.pg_policy po WHERE po.polrelid = c.oid),
           (SELECT string_agg(d.objsubid || ':' || d.xmin, ',' ORDER BY d.objsubid)
            FROM pg_catalog.pg_description d
            WHERE d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::regclass),
           -- identity and serial sequences: their options are part of the table's columns
           (SELECT string_agg(s.seqrelid || ':' || s.xmin || ':' || sc.xmin, ',' ORDER BY s.seqrelid)
            FROM pg_catalog.pg_depend sd
            JOIN pg_catalog.pg_sequence s ON s.seqrelid = sd.objid
            JOIN pg_catalog.pg_class sc ON sc.oid = s.seqrelid
            WHERE sd.classid = 'pg_catalog.pg_class'::regclass AND sd.refclassid = 'pg_catalog.pg_class'::regclass
              AND sd.refobjid = c.oid AND sd.deptype IN ('a', 'i'))
       ))                                    AS version
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN (SELECT ?::text AS prefix) p
WHERE c.relkind = 'r'
  AND n.nspname = ANY (?::text[])
ORDER BY n.nspname, c.relname
