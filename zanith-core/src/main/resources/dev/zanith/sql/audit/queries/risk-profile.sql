-- Per-migration risk profile: worst and total score, ranked.
SELECT s.migration_id,
       max(s.risk_score) AS worst_score,
       sum(s.risk_score) AS total_score,
       (array_agg(s.risk_level ORDER BY s.risk_score DESC NULLS LAST))[1] AS worst_level,
       count(*) AS steps,
       bool_or(m.id IS NOT NULL) AS applied
FROM {steps} s
LEFT JOIN {migrations} m ON m.id = s.migration_id
GROUP BY s.migration_id
ORDER BY worst_score DESC NULLS LAST, total_score DESC NULLS LAST, s.migration_id;
