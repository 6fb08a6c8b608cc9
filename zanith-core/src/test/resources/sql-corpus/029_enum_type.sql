CREATE TYPE mood AS ENUM ('sad', 'ok');
CREATE TABLE t (m mood);
INSERT INTO t VALUES ('ok');
