-- Columns of the given tables in physical order. Parameter: table oids (bigint[]).
-- Types and expressions are printed with only pg_catalog on the search path, so user types come qualified.
SELECT a.attrelid::bigint                                   AS table_oid,
       a.attname                                            AS column_name,
       pg_catalog.format_type(a.atttypid, a.atttypmod)      AS data_type,
       a.attnotnull                                         AS not_null,
       a.attidentity                                        AS identity,
       a.attgenerated                                       AS generated,
       pg_catalog.pg_get_expr(ad.adbin, ad.adrelid)         AS expression,
       CASE WHEN a.attcollation <> t.typcollation AND a.attcollation <> 0 THEN
            CASE WHEN cn.nspname = 'pg_catalog' THEN co.collname::text
                 ELSE cn.nspname || '.' || co.collname END
       END                                                  AS collation_name,
       d.description                                        AS comment
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
LEFT JOIN pg_catalog.pg_description d
       ON d.objoid = a.attrelid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = a.attnum
WHERE a.attrelid = ANY (?::bigint[]::oid[])
  AND a.attnum > 0
  AND NOT a.attisdropped
ORDER BY a.attrelid, a.attnum
