CREATE TABLE t (a int, b text);
COPY t FROM stdin WITH (FORMAT csv);
1,a
2,b
\.
INSERT INTO t VALUES (3, 'c');
