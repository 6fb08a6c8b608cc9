-- Whether a table has a constraint of this name. Parameters: the table's qualified name as SQL text, constraint name.
SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint
               WHERE conrelid = pg_catalog.to_regclass(?) AND conname = ?) AS present
