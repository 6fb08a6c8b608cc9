-- Whether a partition is "detach pending" under its parent: an interrupted ALTER TABLE ... DETACH PARTITION ...
-- CONCURRENTLY committed its first transaction (which sets pg_inherits.inhdetachpending) but not its second.
-- No row when the table is not (or no longer) a partition of that parent. Parameters: the parent's and the
-- partition's qualified names as SQL text.
SELECT i.inhdetachpending AS pending
FROM pg_catalog.pg_inherits i
WHERE i.inhparent = pg_catalog.to_regclass(?) AND i.inhrelid = pg_catalog.to_regclass(?)
