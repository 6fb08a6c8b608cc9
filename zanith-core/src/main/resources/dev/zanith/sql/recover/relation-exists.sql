-- Whether a relation (table, index, sequence, view) of this name exists. Parameter: qualified name as SQL text.
SELECT pg_catalog.to_regclass(?) IS NOT NULL AS present
