-- What, beside the declared schema itself, decides what a shadow makes of it: the server's version, and the
-- extension versions CREATE EXTENSION would install there (the schema graph records them). Part of the key of a
-- declared schema normalized earlier (DeclaredGraphCache).
SELECT current_setting('server_version_num') || '|' || coalesce(
           (SELECT string_agg(name || '=' || coalesce(default_version, ''), ',' ORDER BY name)
            FROM pg_catalog.pg_available_extensions), '') AS facts
