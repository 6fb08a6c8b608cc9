-- zanith:transaction=none
CREATE TABLE t (a int);
INSERT INTO t VALUES (1);
VACUUM (ANALYZE) t;
