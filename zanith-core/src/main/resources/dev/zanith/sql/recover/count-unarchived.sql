-- Rows of the table with no value in the archive (inserted after archive_column ran). Parameters: none.
SELECT count(*) FROM ${table} AS t WHERE NOT EXISTS (SELECT 1 FROM ${archive} AS a WHERE ${match})
