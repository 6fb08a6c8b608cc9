-- zanith:transaction=none
CREATE TABLE t (a int);
CREATE INDEX t_a ON t (a);
REINDEX INDEX CONCURRENTLY t_a;
