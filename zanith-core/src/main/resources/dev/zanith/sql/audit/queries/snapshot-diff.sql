-- Which models (tables) and fields (columns) were added, removed or changed between two snapshots.
-- The two snapshot ids are the psql variables from_id and to_id (ids from: zanith snapshot list).
WITH a AS (SELECT graph FROM {snapshots} WHERE id = :from_id),
     b AS (SELECT graph FROM {snapshots} WHERE id = :to_id),
     models_a AS (SELECT (t ->> 'schema') || '.' || (t ->> 'name') AS model, t
                  FROM a, jsonb_array_elements(a.graph -> 'tables') AS t),
     models_b AS (SELECT (t ->> 'schema') || '.' || (t ->> 'name') AS model, t
                  FROM b, jsonb_array_elements(b.graph -> 'tables') AS t),
     fields_a AS (SELECT model, c ->> 'name' AS field, c AS definition
                  FROM models_a, jsonb_array_elements(t -> 'columns') AS c),
     fields_b AS (SELECT model, c ->> 'name' AS field, c AS definition
                  FROM models_b, jsonb_array_elements(t -> 'columns') AS c)
SELECT coalesce(ma.model, mb.model) AS model,
       NULL AS field,
       CASE WHEN ma.model IS NULL THEN 'added' ELSE 'removed' END AS change,
       NULL::jsonb AS before,
       NULL::jsonb AS after
FROM models_a ma
FULL JOIN models_b mb ON ma.model = mb.model
WHERE ma.model IS NULL OR mb.model IS NULL
UNION ALL
SELECT coalesce(fa.model, fb.model),
       coalesce(fa.field, fb.field),
       CASE WHEN fa.field IS NULL THEN 'added' WHEN fb.field IS NULL THEN 'removed' ELSE 'changed' END,
       fa.definition,
       fb.definition
FROM fields_a fa
FULL JOIN fields_b fb ON fa.model = fb.model AND fa.field = fb.field
WHERE fa.definition IS DISTINCT FROM fb.definition
ORDER BY model, field NULLS FIRST;
