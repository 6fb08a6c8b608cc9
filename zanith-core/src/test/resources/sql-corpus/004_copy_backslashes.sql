CREATE TABLE t (a int, b text);
COPY t FROM stdin;
1	tab\there
2	back\\slash;
3	\N
\.
