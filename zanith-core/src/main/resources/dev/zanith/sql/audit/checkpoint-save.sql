-- Records progress of a long-running step; runs in the same transaction as the batch it describes.
-- Parameters: migration_id, step_index, cursor (json text or null), processed_rows, total_rows, status.
INSERT INTO {checkpoints} (migration_id, step_index, "cursor", processed_rows, total_rows, status, updated_at)
VALUES (?, ?, CAST(? AS jsonb), ?, ?, ?, now())
ON CONFLICT (migration_id, step_index) DO UPDATE
SET "cursor" = EXCLUDED."cursor", processed_rows = EXCLUDED.processed_rows,
    total_rows = coalesce(EXCLUDED.total_rows, {checkpoints}.total_rows), status = EXCLUDED.status, updated_at = now()
