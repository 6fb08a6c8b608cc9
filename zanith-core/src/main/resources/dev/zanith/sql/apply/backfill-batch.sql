-- One backfill batch: the next rows after the cursor in primary-key order (LIMIT is the batch size), updated in
-- one statement. Returns how many rows were updated and the last key of the batch (the next cursor) as JSON.
-- The "after" fragment is "true" for the first batch, otherwise a comparison with the cursor bound as jsonb.
WITH batch AS (
    SELECT ${keys}
    FROM ${table}
    WHERE ${after} AND (${where})
    ORDER BY ${keys}
    LIMIT ?
), updated AS (
    UPDATE ${table}
    SET ${assignments}
    WHERE (${keys}) IN (SELECT ${keys} FROM batch)
      -- Implied by the IN list, but it lets the planner read the batch's key range from the primary key index
      -- instead of scanning the whole table for every batch (which made a backfill quadratic in the table's size).
      AND (${keys}) >= (SELECT ${keys} FROM batch ORDER BY ${keys} LIMIT 1)
      AND (${keys}) <= (SELECT ${keys} FROM batch ORDER BY ${lastKeyOrder} LIMIT 1)
    RETURNING 1
)
SELECT (SELECT count(*) FROM updated) AS updated_rows,
       (SELECT pg_catalog.to_jsonb(b) FROM batch b ORDER BY ${lastKeyOrder} LIMIT 1)::text AS last_key
