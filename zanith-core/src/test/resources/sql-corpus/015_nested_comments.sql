/* outer /* inner; */ still comment; */
CREATE TABLE t (a int); /* a; /* b */ c */ INSERT INTO t VALUES (1);
