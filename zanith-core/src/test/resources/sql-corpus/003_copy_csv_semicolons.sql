CREATE TABLE t (a int, b text);
COPY t (a, b) FROM stdin WITH (FORMAT csv);
1,"x;y"
2,"say ""hi"";"
3,
\.
INSERT INTO t VALUES (4, 'after');
