-- Up to five rows of ${table} matching a condition, named by primary key (or ctid) as text. A plain SELECT:
-- it takes ACCESS SHARE, the weakest lock, like any query. Parameters: those of the condition.
SELECT ${key}::text AS row_key
FROM ${table} AS zc
WHERE ${condition}
LIMIT 5
