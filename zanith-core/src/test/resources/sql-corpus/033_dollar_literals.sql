CREATE TABLE t (a text);
INSERT INTO t VALUES ($$it's; $ fine$$), ($q$ $$ ; $q$);
