-- One md5 over what the graph keeps beside its objects and no table's version covers: sequences' pg_class rows
-- (their grants) and the comments on indexes, constraints, sequences and schemas. When only this differs from an
-- earlier reading, the grants and object comments are read again (one query each), nothing else.
-- Parameter: schema names (text[]).
WITH s AS (SELECT n.oid FROM pg_catalog.pg_namespace n WHERE n.nspname = ANY (?::text[]))
SELECT pg_catalog.md5(concat_ws('|',
    (SELECT string_agg(sq.oid || ':' || sq.xmin, ',' ORDER BY sq.oid)
     FROM pg_catalog.pg_class sq WHERE sq.relkind = 'S' AND sq.relnamespace IN (SELECT oid FROM s)),
    (SELECT string_agg(d.classoid || ':' || d.objoid || ':' || d.xmin, ',' ORDER BY d.classoid, d.objoid)
     FROM pg_catalog.pg_description d
     WHERE d.classoid IN ('pg_catalog.pg_namespace'::regclass, 'pg_catalog.pg_constraint'::regclass)
        OR (d.classoid = 'pg_catalog.pg_class'::regclass
            AND d.objoid IN (SELECT ic.oid FROM pg_catalog.pg_class ic
                             WHERE ic.relkind IN ('i', 'S') AND ic.relnamespace IN (SELECT oid FROM s))))
)) AS version
