-- How often each table of the given schemas was scanned (sequentially or through an index) by the current
-- transaction so far, by oid: exact and synchronous. A shadow's tables hold no rows, so scans are counted, not
-- rows read. Parameter: schema names (text[]).
SELECT s.relid::bigint AS oid, coalesce(s.seq_scan, 0) + coalesce(s.idx_scan, 0) AS scans
FROM pg_catalog.pg_stat_xact_user_tables s
WHERE s.schemaname = ANY (?::text[])
