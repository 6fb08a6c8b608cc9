-- Resetting a shadow: an extension and everything that depends on it.
DROP EXTENSION IF EXISTS ${extension} CASCADE
