-- Whether a backend is waiting on a lock (a relation, or another transaction as CONCURRENTLY does), and whether it is busy.
-- Parameter: backend pid (int).
SELECT coalesce(a.wait_event_type = 'Lock', false) AS waiting, a.state AS state
FROM pg_catalog.pg_stat_activity a WHERE a.pid = ?
