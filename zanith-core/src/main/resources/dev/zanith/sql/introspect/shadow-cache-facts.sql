-- What, beside the declared schema itself, decides what a shadow makes of it (part of the key of a declared schema
-- normalized earlier, DeclaredGraphCache): the server's version; the role running it and the roles that exist
-- (grants and policies name roles, and fail without them); every setting a session can change that does not have
-- its built-in value here (search_path, default_tablespace, default_table_access_method, TimeZone, ... from the
-- server, database, role or connection; not the connection's name, nor server-start settings such as a port);
-- and the extension versions CREATE EXTENSION would install. As the replay's own session sees them, on the shadow.
SELECT concat_ws('|',
    current_setting('server_version_num'),
    current_user,
    (SELECT pg_catalog.md5(string_agg(r.rolname, ',' ORDER BY r.rolname)) FROM pg_catalog.pg_roles r),
    (SELECT string_agg(s.name || '=' || coalesce(s.setting, ''), ',' ORDER BY s.name)
     FROM pg_catalog.pg_settings s
     WHERE s.context IN ('user', 'superuser') AND s.source NOT IN ('default', 'override')
       AND s.name <> 'application_name'),
    (SELECT string_agg(e.name || '=' || coalesce(e.default_version, ''), ',' ORDER BY e.name)
     FROM pg_catalog.pg_available_extensions e)) AS facts
