-- Records a recovery artifact, in the transaction of the step that created it (so it commits with the step).
-- Parameters: id, migration_id, step_index, artifact_type, source_schema, source_table, source_column, physical_name,
-- definition (json text), checksum, row_count, size_bytes, recovery_sql, retention in milliseconds (NULL: no expiry).
INSERT INTO {artifacts} (id, migration_id, step_index, artifact_type, source_schema, source_table, source_column,
                         physical_name, definition, checksum, row_count, size_bytes, recovery_sql, expires_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, now() + CAST(? AS bigint) * interval '1 millisecond')
