-- Deletes an artifact's bookkeeping row (purge, in the transaction that drops its data). Parameter: id.
DELETE FROM {artifacts} WHERE id = ?
