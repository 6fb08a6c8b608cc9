-- Stores the checksum of an artifact's parked data once, with the row count it covers (and the data size when the
-- artifact has none yet). Parameters: checksum, row_count, size_bytes, id.
UPDATE {artifacts}
SET checksum = ?, row_count = ?, size_bytes = coalesce(size_bytes, ?)
WHERE id = ? AND checksum IS NULL
