-- Volatility of every function with one of the given names, in any schema: a default that calls a volatile
-- function rewrites the table when its column is added. Parameter: function names (text[]).
SELECT n.nspname    AS schema_name,
       p.proname    AS function_name,
       p.provolatile AS volatility
FROM pg_catalog.pg_proc p
JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
WHERE p.proname = ANY (?::text[])
