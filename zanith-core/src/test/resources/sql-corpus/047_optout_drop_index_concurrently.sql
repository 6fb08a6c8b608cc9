-- zanith:transaction=none
-- a second header comment
CREATE TABLE t (a int);
CREATE INDEX t_a ON t (a);
DROP INDEX CONCURRENTLY t_a;
