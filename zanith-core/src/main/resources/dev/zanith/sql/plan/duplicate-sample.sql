-- Up to five rows of ${table} whose key value occurs more than once, by primary key (or ctid) as text.
-- Parameters: those of the condition.
SELECT row_key
FROM (SELECT ${key}::text AS row_key, count(*) OVER (PARTITION BY ${keys}) AS n
      FROM ${table} AS zc
      WHERE ${condition}) AS d
WHERE n > 1
LIMIT 5
