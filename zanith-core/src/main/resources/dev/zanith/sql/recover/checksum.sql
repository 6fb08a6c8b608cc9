-- The checksum of parked data: row count, an order-independent sum of 64-bit hashes of each row's text form, and
-- the data's size. Streams once over the rows, in constant memory. The caller pins the settings that shape the
-- text form (TimeZone, DateStyle, ...) so the same rows give the same sum in any session.
-- ${source} is a SELECT of the parked rows. Parameters: none.
SELECT count(*) AS row_count,
       CAST(coalesce(sum(pg_catalog.hashtextextended(CAST(x AS text), 0)), 0) AS text) AS hash_sum,
       CAST(coalesce(sum(pg_catalog.pg_column_size(x)), 0) AS bigint) AS data_bytes
FROM (${source}) AS x
