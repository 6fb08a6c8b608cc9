-- Liquibase's change log, read only, in the order the changesets ran. {history} is the quoted, schema-qualified
-- table. dateexecuted is a timestamp without time zone in the Liquibase session's zone, read as local time of
-- this session (see flyway-history.sql).
SELECT id, author, filename, dateexecuted::timestamptz AS executed_at, orderexecuted, exectype, md5sum, description,
       comments, tag, liquibase
FROM {history}
ORDER BY orderexecuted, dateexecuted
