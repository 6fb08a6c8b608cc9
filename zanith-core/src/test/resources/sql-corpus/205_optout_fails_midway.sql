-- zanith:transaction=none
CREATE TABLE t (a int);
INSERT INTO t VALUES (1);
INSERT INTO t VALUES ('x');
INSERT INTO t VALUES (2);
