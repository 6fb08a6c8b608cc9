-- How often each table of the given schemas was scanned (sequentially or through an index), by oid, from the
-- flushed statistics: for statements outside a transaction, read after pg_stat_force_next_flush() (15+).
-- A shadow's tables hold no rows, so scans are counted, not rows read. Parameter: schema names (text[]).
SELECT s.relid::bigint AS oid, coalesce(s.seq_scan, 0) + coalesce(s.idx_scan, 0) AS scans
FROM pg_catalog.pg_stat_user_tables s
WHERE s.schemaname = ANY (?::text[])
