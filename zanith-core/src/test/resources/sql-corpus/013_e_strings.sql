CREATE TABLE t (a text);
INSERT INTO t VALUES (E'it\'s; ok'), (e'back\\'), (E'\x41');
