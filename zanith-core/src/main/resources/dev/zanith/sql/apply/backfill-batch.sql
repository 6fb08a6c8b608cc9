-- One backfill batch: the next primary keys after the cursor in key order (as many as the batch size; the OFFSET
-- parameter is the batch size less one), and those of their rows that match the backfill's condition updated in one
-- statement.
-- Returns how many rows were updated, the batch's last key (the next cursor) as JSON, and whether this was the last
-- batch. The "after" fragment is "true" for the first batch, otherwise a comparison with the cursor bound as jsonb.
--
-- Why keys and not matching rows: the rows to update are the key range (cursor, bound], read from the primary key
-- index whatever the condition. Choosing "the next N matching rows" instead left the plan to the planner's guess of the
-- condition, and for the usual backfill condition on a column just added ("col IS NULL", no statistics yet: 0.5 %) it
-- chose to read and sort the whole rest of the table for every batch — a backfill quadratic in the table's size.
WITH bound AS (
    SELECT last_key, last_batch
    FROM (
        -- The batch's last key: the N-th key after the cursor ...
        SELECT pg_catalog.to_jsonb(next_keys) AS last_key, false AS last_batch, 1 AS choice
        FROM (SELECT ${keys} FROM ${table} WHERE ${after} ORDER BY ${keys} OFFSET ? LIMIT 1) AS next_keys
        UNION ALL
        -- ... or, with fewer keys left, the table's last key: this batch is the last one.
        SELECT pg_catalog.to_jsonb(final_keys), true, 2
        FROM (SELECT ${keys} FROM ${table} ORDER BY ${lastKeyOrder} LIMIT 1) AS final_keys
    ) AS candidates
    ORDER BY choice
    LIMIT 1
), updated AS (
    UPDATE ${table}
    SET ${assignments}
    WHERE ${after} AND (${keys}) <= (${boundValues}) AND (${where})
    RETURNING 1
)
SELECT (SELECT count(*) FROM updated) AS updated_rows,
       (SELECT last_key FROM bound)::text AS last_key,
       (SELECT last_batch FROM bound) AS last_batch
