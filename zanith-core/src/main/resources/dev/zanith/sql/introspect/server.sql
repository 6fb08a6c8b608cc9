-- Server and database identity.
SELECT current_setting('server_version_num')::int AS version_num,
       current_database()                         AS database_name
