-- What identifies one database on one running server: the server's start time and the database's oid.
-- Two connections that return the same row talk to the same database.
SELECT pg_catalog.pg_postmaster_start_time()::text AS server_started,
       d.oid::bigint                               AS database_oid
FROM pg_catalog.pg_database d
WHERE d.datname = current_database()
