-- Whether a table has a (not dropped) column of this name. Parameters: the table's qualified name as SQL text, column.
SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute
               WHERE attrelid = pg_catalog.to_regclass(?) AND attname = ? AND attnum > 0 AND NOT attisdropped) AS present
