-- What the current transaction has changed in the catalogs, read right before it commits (CatalogChanges): the
-- relations of this database it holds a lock on (any mode: every DDL statement on a table, index, sequence or view,
-- and every comment on one, locks it, and a dropped relation's oid stays locked until the end), the transaction ids
-- it holds (its own and those of its committed subtransactions: every catalog row it wrote carries one of them as
-- xmin), whether pg_attribute rows were updated (a column GRANT or REVOKE writes one without locking its table),
-- and whether those per-transaction counters are kept at all (track_counts). No parameters.
SELECT ARRAY(SELECT DISTINCT l.relation::bigint
             FROM pg_catalog.pg_locks l
             WHERE l.pid = pg_catalog.pg_backend_pid() AND l.locktype = 'relation'
               AND l.database = (SELECT d.oid FROM pg_catalog.pg_database d WHERE d.datname = pg_catalog.current_database())
               AND l.relation >= 16384) AS relations,
       ARRAY(SELECT l.transactionid::text::bigint
             FROM pg_catalog.pg_locks l
             WHERE l.pid = pg_catalog.pg_backend_pid() AND l.locktype = 'transactionid') AS xids,
       pg_catalog.current_setting('track_counts')::boolean AS counted,
       coalesce((SELECT s.n_tup_upd > 0 FROM pg_catalog.pg_stat_xact_sys_tables s
                 WHERE s.relid = 'pg_catalog.pg_attribute'::regclass), false) AS attributes_updated
