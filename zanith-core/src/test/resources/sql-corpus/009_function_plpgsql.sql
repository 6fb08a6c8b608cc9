CREATE TABLE t (a int);
CREATE FUNCTION twice(n int) RETURNS int LANGUAGE plpgsql AS $$
DECLARE r int;
BEGIN
  r := n * 2; -- comment; here
  RETURN r;
END;
$$;
INSERT INTO t VALUES (twice(21));
