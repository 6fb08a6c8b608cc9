-- What health, metrics and the endpoint overview need from the ledger, in one round trip of index work (but for the
-- baselines, a sequential read of the ledger's narrow rows):
-- the number of applied migrations and of restores (index-only scans of the primary key), which of the
-- given migration ids are not in the ledger yet (one primary-key probe each), in the order given, and the ids of
-- baselines (a handful of rows at most; files sorting at or before the latest one count as applied).
-- Parameters: the restore id prefix (twice), the migration ids of the files (text[]).
SELECT (SELECT count(*) FROM {migrations} WHERE NOT starts_with(id, ?)) AS migrations,
       (SELECT count(*) FROM {migrations} WHERE starts_with(id, ?)) AS restores,
       (SELECT coalesce(array_agg(f.id ORDER BY f.n), '{}')
        FROM unnest(?::text[]) WITH ORDINALITY AS f(id, n)
        WHERE NOT EXISTS (SELECT 1 FROM {migrations} m WHERE m.id = f.id)) AS pending,
       -- kind through to_jsonb: a ledger written before the column existed has no baseline (see applied.sql).
       (SELECT coalesce(array_agg(b.id), '{}') FROM {migrations} b WHERE to_jsonb(b) ->> 'kind' = 'baseline') AS baselines
