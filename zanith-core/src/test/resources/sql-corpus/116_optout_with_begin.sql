-- zanith:transaction=none
BEGIN;
CREATE TABLE t (a int);
COMMIT;
