-- The parked rows as JSON objects, one per row, keys in column order. Parameters: none.
SELECT CAST(pg_catalog.to_json(x) AS text) AS row_json FROM (${source}) AS x
