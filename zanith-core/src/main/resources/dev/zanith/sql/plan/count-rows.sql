-- How many rows of ${table} match a condition, counting no further than a cap so huge tables stay cheap.
-- Parameters: those of the condition, then the cap plus one.
SELECT count(*) AS matching
FROM (SELECT 1 FROM ${table} AS zc WHERE ${condition} LIMIT ?) AS capped
