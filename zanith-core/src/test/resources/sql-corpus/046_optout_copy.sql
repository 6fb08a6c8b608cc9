-- zanith:transaction=none
CREATE TABLE t (a int, b text);
COPY t FROM stdin;
1	x
\.
