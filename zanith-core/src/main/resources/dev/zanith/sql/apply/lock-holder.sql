-- Who holds a session-level advisory lock on a bigint key in this database (classid = high 32 bits,
-- objid = low 32 bits, objsubid = 1). Parameters: classid, objid.
SELECT a.pid, a.application_name, a.usename, host(a.client_addr) AS client_addr, a.backend_start, a.state,
       a.state_change
FROM pg_catalog.pg_locks l
JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid
WHERE l.locktype = 'advisory' AND l.granted
  AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database())
  AND l.classid::bigint = ? AND l.objid::bigint = ? AND l.objsubid = 1
ORDER BY a.backend_start
LIMIT 1
