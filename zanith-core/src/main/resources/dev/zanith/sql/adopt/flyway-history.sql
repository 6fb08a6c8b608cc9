-- Flyway's schema history, read only, in Flyway's order. {history} is the quoted, schema-qualified table.
-- installed_on is a timestamp without time zone that Flyway's session wrote in its own time zone; it is read as
-- local time of this session (pgjdbc sets the JVM's zone), which is the same zone when Zanith runs where Flyway ran.
SELECT installed_rank, version, description, type, script, checksum, installed_by,
       installed_on::timestamptz AS installed_at, execution_time, success
FROM {history}
ORDER BY installed_rank
