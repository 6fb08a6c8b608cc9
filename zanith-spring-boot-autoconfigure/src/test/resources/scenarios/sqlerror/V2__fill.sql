-- Two statements: the first one is fine, the second names a table that does not exist.
INSERT INTO items (id) VALUES (1);

INSERT INTO no_such_table (id) VALUES (2);
