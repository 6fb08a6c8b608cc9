-- Whether the migrations ledger exists. Parameters: schema (text), table name (text).
SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
               WHERE n.nspname = ? AND c.relname = ? AND c.relkind = 'r') AS present
