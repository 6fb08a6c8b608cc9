CREATE TABLE currency (id integer PRIMARY KEY, code text);
COPY currency (id, code) FROM stdin;
1	EUR
2	JPY
\.
