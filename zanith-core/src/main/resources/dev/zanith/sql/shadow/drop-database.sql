-- Drops a temporary shadow database even if connections to it are still open (PostgreSQL 13+).
DROP DATABASE IF EXISTS ${database} WITH (FORCE)
