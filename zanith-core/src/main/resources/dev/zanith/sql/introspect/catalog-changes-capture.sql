-- What the current transaction has changed in the catalogs, read right before it commits (CatalogChanges): the
-- relations of this database it holds a lock on (any mode: every DDL statement on a table, index, sequence or view,
-- and every comment on one, locks it, and a dropped relation's oid stays locked until the end); its own transaction
-- id, which every catalog row it wrote carries as xmin or precedes (a subtransaction gets its id after its parent;
-- a committed one releases the lock on its id, so pg_locks does not list it); whether pg_class and pg_attribute rows were updated (GRANT and REVOKE
-- update one without locking the relation; an insert is always a locked relation's); and whether those
-- per-transaction counters are kept at all (track_counts). The transaction id as a 64-bit xid8 value. No parameters.
SELECT ARRAY(SELECT DISTINCT l.relation::bigint
             FROM pg_catalog.pg_locks l
             WHERE l.pid = pg_catalog.pg_backend_pid() AND l.locktype = 'relation'
               AND l.database = (SELECT d.oid FROM pg_catalog.pg_database d WHERE d.datname = pg_catalog.current_database())
               AND l.relation >= 16384) AS relations,
       pg_catalog.pg_current_xact_id_if_assigned()::text::bigint AS xid_from,
       pg_catalog.current_setting('track_counts')::boolean AS counted,
       coalesce((SELECT s.n_tup_upd > 0 FROM pg_catalog.pg_stat_xact_sys_tables s
                 WHERE s.relid = 'pg_catalog.pg_class'::regclass), false) AS classes_updated,
       coalesce((SELECT s.n_tup_upd > 0 FROM pg_catalog.pg_stat_xact_sys_tables s
                 WHERE s.relid = 'pg_catalog.pg_attribute'::regclass), false) AS attributes_updated
