\set ON_ERROR_STOP on
CREATE TABLE t (a int);
