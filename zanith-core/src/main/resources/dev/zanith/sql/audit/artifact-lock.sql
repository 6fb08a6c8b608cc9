-- One recovery artifact, locked for a restore or purge (in that transaction). Parameter: id.
SELECT id, migration_id, step_index, artifact_type, source_schema, source_table, source_column, physical_name,
       definition::text AS definition, checksum, row_count, size_bytes, recovery_sql, created_at, expires_at, status,
       status_changed_at,
       to_jsonb(a) ->> 'restored_by' AS restored_by, to_jsonb(a) ->> 'restore_id' AS restore_id
FROM {artifacts} a
WHERE id = ?
FOR UPDATE
