-- Live recovery artifacts, oldest first, with their size: what to purge, what to restore.
SELECT id,
       artifact_type,
       source_schema || '.' || source_table || coalesce('.' || source_column, '') AS source,
       physical_name,
       row_count,
       pg_size_pretty(size_bytes) AS size,
       date_trunc('second', now() - created_at) AS age,
       expires_at
FROM {artifacts}
WHERE status = 'live'
ORDER BY created_at, size_bytes DESC NULLS LAST;
