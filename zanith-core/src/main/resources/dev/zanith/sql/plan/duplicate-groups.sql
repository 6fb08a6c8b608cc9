-- Key values of ${table} that occur more than once, and the rows holding them. Parameters: those of the
-- condition (which rows the unique key covers).
SELECT count(*) AS duplicate_keys, coalesce(sum(n), 0) AS duplicate_rows
FROM (SELECT count(*) AS n FROM ${table} AS zc WHERE ${condition} GROUP BY ${keys} HAVING count(*) > 1) AS d
