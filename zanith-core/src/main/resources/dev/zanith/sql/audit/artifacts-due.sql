-- Artifacts that cleanup purges, oldest first: expired (expires_at passed), or created more than the given age ago.
-- Parameters (the age twice, in milliseconds; NULL: expired ones only).
SELECT id, migration_id, step_index, artifact_type, source_schema, source_table, source_column, physical_name,
       definition::text AS definition, checksum, row_count, size_bytes, recovery_sql, created_at, expires_at, status,
       status_changed_at,
       to_jsonb(a) ->> 'restored_by' AS restored_by, to_jsonb(a) ->> 'restore_id' AS restore_id
FROM {artifacts} a
WHERE (expires_at IS NOT NULL AND expires_at <= now())
   OR (CAST(? AS bigint) IS NOT NULL AND created_at <= now() - CAST(? AS bigint) * interval '1 millisecond')
ORDER BY created_at, id
