-- Average duration of completed steps per operation kind, slowest first.
SELECT operation_kind,
       round(avg(duration_ms)) AS avg_ms,
       max(duration_ms) AS max_ms,
       count(*) AS runs
FROM {steps}
WHERE status = 'done'
GROUP BY operation_kind
ORDER BY avg_ms DESC, operation_kind;
