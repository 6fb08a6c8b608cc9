-- Whether a table exists. Parameter: the table's qualified name as SQL text.
SELECT pg_catalog.to_regclass(?) IS NOT NULL AS present
