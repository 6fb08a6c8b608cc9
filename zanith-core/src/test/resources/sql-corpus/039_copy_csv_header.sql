CREATE TABLE t (a int, b text);
COPY t FROM STDIN (FORMAT csv, HEADER true);
a,b
1,one
\.
