CREATE TABLE t (a int);
SELECT 'CREATE TABLE u (a int)' \gexec
