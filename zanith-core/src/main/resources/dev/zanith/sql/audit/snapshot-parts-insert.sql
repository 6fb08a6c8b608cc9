-- Stores parts of schema graphs (GraphParts): a part stored already is left as it is (same hash, same content).
-- Parameters: hashes (text[]), bodies (json text[], same order).
INSERT INTO {snapshot_parts} (hash, body)
SELECT u.hash, CAST(u.body AS jsonb) FROM unnest(CAST(? AS text[]), CAST(? AS text[])) AS u (hash, body)
ON CONFLICT (hash) DO NOTHING
