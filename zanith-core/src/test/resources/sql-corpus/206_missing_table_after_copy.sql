CREATE TABLE t (a int);
COPY t FROM stdin;
1
\.
INSERT INTO nosuch VALUES (1);
