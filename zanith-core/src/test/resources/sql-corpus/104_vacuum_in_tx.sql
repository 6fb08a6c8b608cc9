CREATE TABLE t (a int);

VACUUM t;
