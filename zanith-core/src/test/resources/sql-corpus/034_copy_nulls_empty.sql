CREATE TABLE t (a int, b text, c text);
COPY t FROM stdin;
1	\N	
2		x
\.
