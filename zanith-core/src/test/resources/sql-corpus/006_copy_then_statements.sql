CREATE TABLE t (a int);
COPY t FROM stdin;
1
2
\.
UPDATE t SET a = a * 10;
COPY t FROM STDIN;
3
\.
