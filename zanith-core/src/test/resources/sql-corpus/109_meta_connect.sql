CREATE TABLE t (a int);

\connect other
CREATE TABLE u (a int);
