-- Resetting a shadow: a schema and everything in it.
DROP SCHEMA IF EXISTS ${schema} CASCADE
