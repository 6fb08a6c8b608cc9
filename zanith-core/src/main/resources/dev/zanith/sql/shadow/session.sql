-- Who and where a shadow connection is, for messages.
SELECT current_user                      AS user_name,
       current_database()                AS database_name,
       current_setting('server_version') AS server_version
