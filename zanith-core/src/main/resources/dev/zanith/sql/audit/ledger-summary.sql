-- What health, metrics and the endpoint overview need from the ledger, in one round trip of index work only:
-- the number of applied migrations and of restores (index-only scans of the primary key), and which of the
-- given migration ids are not in the ledger yet (one primary-key probe each), in the order given.
-- Parameters: the restore id prefix (twice), the migration ids of the files (text[]).
SELECT (SELECT count(*) FROM {migrations} WHERE NOT starts_with(id, ?)) AS migrations,
       (SELECT count(*) FROM {migrations} WHERE starts_with(id, ?)) AS restores,
       (SELECT coalesce(array_agg(f.id ORDER BY f.n), '{}')
        FROM unnest(?::text[]) WITH ORDINALITY AS f(id, n)
        WHERE NOT EXISTS (SELECT 1 FROM {migrations} m WHERE m.id = f.id)) AS pending
