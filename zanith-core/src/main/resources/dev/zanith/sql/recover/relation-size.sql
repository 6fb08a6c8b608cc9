-- Total size (with indexes and TOAST) and estimated rows of a relation. Parameter: qualified name as SQL text.
SELECT pg_catalog.pg_total_relation_size(c.oid) AS total_bytes, CAST(c.reltuples AS bigint) AS estimated_rows
FROM pg_catalog.pg_class c
WHERE c.oid = pg_catalog.to_regclass(?)
