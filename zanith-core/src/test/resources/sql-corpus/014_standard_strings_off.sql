CREATE TABLE t (a text);
SET standard_conforming_strings = off;
INSERT INTO t VALUES ('it\'s; fine');
SET standard_conforming_strings = on;
INSERT INTO t VALUES ('c:\dir');
