-- zanith:transactions=none
CREATE TABLE t (a int);
