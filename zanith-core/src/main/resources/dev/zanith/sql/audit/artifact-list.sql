-- (restored_by and restore_id are read through to_jsonb so tables created before they existed still read.)
-- Recovery artifacts, newest first (oldest last). Each filter is given twice; NULL means any.
-- Parameters: source_schema, source_table, source_column, artifact_type.
SELECT id, migration_id, step_index, artifact_type, source_schema, source_table, source_column, physical_name,
       definition::text AS definition, checksum, row_count, size_bytes, recovery_sql, created_at, expires_at, status,
       status_changed_at,
       to_jsonb(a) ->> 'restored_by' AS restored_by, to_jsonb(a) ->> 'restore_id' AS restore_id
FROM {artifacts} a
WHERE (CAST(? AS text) IS NULL OR source_schema = ?)
  AND (CAST(? AS text) IS NULL OR source_table = ?)
  AND (CAST(? AS text) IS NULL OR source_column = ?)
  AND (CAST(? AS text) IS NULL OR artifact_type = ?)
ORDER BY created_at DESC, id DESC
