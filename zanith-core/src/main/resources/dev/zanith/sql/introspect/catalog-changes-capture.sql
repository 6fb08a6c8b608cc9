-- What the current transaction has changed in the catalogs, read right before it commits (CatalogChanges): the
-- relations of this database it holds a lock on (any mode: every DDL statement on a table, index, sequence or view,
-- and every comment on one, locks it, and a dropped relation's oid stays locked until the end); its own transaction
-- id, which every catalog row it wrote carries as xmin or precedes (a subtransaction gets its id after its parent;
-- a committed one releases the lock on its id, so pg_locks does not list it); whether pg_class and pg_attribute rows
-- were updated (GRANT and REVOKE update one without locking the relation; an insert is always a locked relation's);
-- which of the given system catalogs had rows inserted, updated or deleted (by name), which decides which
-- schema-wide catalog versions a refresh computes again; and whether those per-transaction counters are kept at all
-- (track_counts). The counters are read per catalog (the pg_stat_xact_* views compute them for every relation).
-- They are pending ones: they also hold earlier transactions' until the session reports them (at most once a
-- second, when idle), so the flush placeholder makes the session report them as soon as this transaction ends
-- (PostgreSQL 15+; on 14 the earlier transactions' writes make a few more versions computed again, never one less).
-- The transaction id as a 64-bit xid8 value. Parameter: the names of the pg_catalog tables to report on (text[]).
SELECT ARRAY(SELECT DISTINCT l.relation::bigint
             FROM pg_catalog.pg_locks l
             WHERE l.pid = pg_catalog.pg_backend_pid() AND l.locktype = 'relation'
               AND l.database = (SELECT d.oid FROM pg_catalog.pg_database d
                                 WHERE d.datname = pg_catalog.current_database())
               AND l.relation >= 16384) AS relations,
       pg_catalog.pg_current_xact_id_if_assigned()::text::bigint AS xid_from,
       pg_catalog.current_setting('track_counts')::boolean AS counted,
       pg_catalog.pg_stat_get_xact_tuples_updated('pg_catalog.pg_class'::regclass) > 0 AS classes_updated,
       pg_catalog.pg_stat_get_xact_tuples_updated('pg_catalog.pg_attribute'::regclass) > 0 AS attributes_updated,
       ARRAY(SELECT w.name
             FROM unnest(?::text[]) w(name), pg_catalog.to_regclass('pg_catalog.' || w.name) r(oid)
             WHERE pg_catalog.pg_stat_get_xact_tuples_inserted(r.oid)
                   + pg_catalog.pg_stat_get_xact_tuples_updated(r.oid)
                   + pg_catalog.pg_stat_get_xact_tuples_deleted(r.oid) > 0) AS written_catalogs,
       ${flush} AS flushed
