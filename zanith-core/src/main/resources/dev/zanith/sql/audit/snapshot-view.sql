-- The schema snapshots as readers know them (docs/AUDIT.md): one row per migration × phase with the whole graph as
-- jsonb. A row stored as a manifest (GraphParts) is assembled here: each property listed as parts becomes the array
-- of those parts' bodies in manifest order, each other property its inline value; rows from before the parts
-- existed carry their graph inline.
CREATE VIEW {snapshots} AS
SELECT r.id, r.migration_id, r.phase,
       CASE WHEN r.manifest IS NULL THEN r.graph ELSE (
           SELECT pg_catalog.jsonb_object_agg(m.key, CASE WHEN m.value -> 'parts' IS NULL THEN m.value -> 'value' ELSE (
               SELECT coalesce(pg_catalog.jsonb_agg(p.body ORDER BY e.position), '[]'::jsonb)
               FROM pg_catalog.jsonb_array_elements_text(m.value -> 'parts') WITH ORDINALITY AS e (hash, position)
               JOIN {snapshot_parts} p ON p.hash = e.hash) END)
           FROM pg_catalog.jsonb_each(r.manifest) AS m) END AS graph,
       r.fingerprint, r.model_count, r.field_count, r.captured_at
FROM {snapshot_rows} r;
