-- zanith:transaction=none
CREATE TABLE t (a int);
INSERT INTO t VALUES (1);
CREATE INDEX CONCURRENTLY t_a ON t (a);
