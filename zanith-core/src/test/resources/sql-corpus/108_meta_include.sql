CREATE TABLE t (a int);
\i other.sql
