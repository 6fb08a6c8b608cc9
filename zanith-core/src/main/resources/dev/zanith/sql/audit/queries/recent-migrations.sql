-- The 20 most recent migrations, with their step count and worst risk.
SELECT m.id,
       m.applied_at,
       m.duration_ms,
       m.applied_by,
       count(s.step_index) AS steps,
       max(s.risk_score) AS worst_score,
       (array_agg(s.risk_level ORDER BY s.risk_score DESC NULLS LAST))[1] AS worst_level
FROM {migrations} m
LEFT JOIN {steps} s ON s.migration_id = m.id
GROUP BY m.id
ORDER BY m.applied_at DESC, m.id DESC
LIMIT 20;
