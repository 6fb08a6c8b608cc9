-- Makes the snapshot about to be stored in this transaction compress with lz4 when the server was built with it
-- (PostgreSQL 14+): a schema graph is megabytes of JSON at a thousand models, and lz4 stores it in about half the
-- time of the default pglz, and smaller. Transaction-local; a server without lz4 keeps its default.
SELECT pg_catalog.set_config('default_toast_compression', 'lz4', true)
FROM pg_catalog.pg_settings
WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)
