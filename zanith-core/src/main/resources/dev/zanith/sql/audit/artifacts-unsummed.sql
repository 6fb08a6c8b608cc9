-- Live artifacts whose checksum is not computed yet: recorded by a step that committed, checksummed right after it
-- (outside the step's transaction, so no lock is held while the parked data is read). Oldest first. Parameters: none.
SELECT id, migration_id, step_index, artifact_type, source_schema, source_table, source_column, physical_name,
       definition::text AS definition, checksum, row_count, size_bytes, recovery_sql, created_at, expires_at, status,
       status_changed_at,
       to_jsonb(a) ->> 'restored_by' AS restored_by, to_jsonb(a) ->> 'restore_id' AS restore_id
FROM {artifacts} a
WHERE checksum IS NULL AND status = 'live' AND artifact_type <> 'rebuild_table'
ORDER BY created_at, id
