CREATE TABLE t (a int);
\copy t FROM 'data.csv'
