CREATE TABLE t (a int);
-- zanith:transaction=none
CREATE INDEX CONCURRENTLY t_a ON t (a);
