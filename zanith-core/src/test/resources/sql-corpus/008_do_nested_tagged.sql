CREATE TABLE t (a text);
DO $outer$
BEGIN
  EXECUTE $inner$INSERT INTO t VALUES ('x; $$ y')$inner$;
  INSERT INTO t VALUES ($x$it's$x$);
END
$outer$;
