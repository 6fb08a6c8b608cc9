-- What, beside the declared schema itself, decides what a shadow makes of it (part of the key of a declared schema
-- normalized earlier, DeclaredGraphCache): the server's version; the role running it and the roles that exist
-- (grants and policies name roles, and fail without them); every setting a session can change that does not have
-- its built-in value here (search_path, default_tablespace, default_table_access_method, TimeZone, ... from the
-- server, database, role or connection; not the connection's name, nor server-start settings such as a port);
-- and the extension versions CREATE EXTENSION would install. As the replay's own session sees them, on the shadow.
-- template_facts leaves out the roles that exist (ShadowTemplates): a live schema replayed on its own server names
-- only roles that exist there, and none of them can be dropped while a template holds grants to it; other sessions
-- creating and dropping roles must not make every template a miss.
SELECT concat_ws('|', f.version, f.role, f.roles, f.settings, f.extensions) AS facts,
       concat_ws('|', f.version, f.role, f.settings, f.extensions)          AS template_facts
FROM (SELECT current_setting('server_version_num') AS version,
             current_user AS role,
             (SELECT pg_catalog.md5(string_agg(r.rolname, ',' ORDER BY r.rolname)) FROM pg_catalog.pg_roles r) AS roles,
             (SELECT string_agg(s.name || '=' || coalesce(s.setting, ''), ',' ORDER BY s.name)
              FROM pg_catalog.pg_settings s
              WHERE s.context IN ('user', 'superuser') AND s.source NOT IN ('default', 'override')
                AND s.name <> 'application_name') AS settings,
             (SELECT string_agg(e.name || '=' || coalesce(e.default_version, ''), ',' ORDER BY e.name)
              FROM pg_catalog.pg_available_extensions e) AS extensions) f
