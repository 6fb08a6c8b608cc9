-- Steps that failed in the last 7 days, with the error and SQLSTATE captured when they failed.
SELECT migration_id,
       step_index,
       operation_kind,
       finished_at,
       sqlstate,
       error
FROM {steps}
WHERE status = 'failed'
  AND finished_at > now() - interval '7 days'
ORDER BY finished_at DESC;
