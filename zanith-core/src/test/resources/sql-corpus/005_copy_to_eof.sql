CREATE TABLE t (a int, b text);
COPY t FROM stdin;
1	one
2	two
