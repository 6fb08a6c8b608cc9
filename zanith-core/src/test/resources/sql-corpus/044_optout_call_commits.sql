-- zanith:transaction=none
CREATE TABLE t (a int);
CREATE PROCEDURE p() LANGUAGE plpgsql AS $$ BEGIN INSERT INTO t VALUES (1); COMMIT; INSERT INTO t VALUES (2); END $$;
CALL p();
