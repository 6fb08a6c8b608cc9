-- Turns the snapshots table of earlier versions (one whole graph per row) into the rows table: its rows keep their
-- graphs inline (graph), new rows store a manifest of parts instead. The view takes the table's name afterwards
-- (snapshot-view.sql). Runs in ensureTables' transaction, after its advisory lock.
ALTER TABLE {snapshots} ADD COLUMN IF NOT EXISTS id bigint GENERATED ALWAYS AS IDENTITY UNIQUE;
ALTER TABLE {snapshots} RENAME TO {snapshot_rows_name};
ALTER TABLE {snapshot_rows} ALTER COLUMN graph DROP NOT NULL;
ALTER TABLE {snapshot_rows} ADD COLUMN IF NOT EXISTS manifest jsonb;
