-- What the snapshots relation is: 'v' (the view over snapshot rows and parts), 'r' (the table Zanith stored whole
-- graphs in before, to be upgraded), or no row when missing. Parameters: schema (text), relation name (text).
SELECT c.relkind::text AS kind FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ? AND c.relname = ?
