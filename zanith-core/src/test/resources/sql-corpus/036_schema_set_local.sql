CREATE SCHEMA app;
SET LOCAL search_path = app;
CREATE TABLE t (a int);
INSERT INTO t VALUES (1);
