-- Marks an artifact restored (in the restore's transaction). Parameters: restore_id (the ledger id), id.
UPDATE {artifacts}
SET status = 'restored', status_changed_at = now(), restored_by = current_user, restore_id = ?
WHERE id = ?
