-- Rows where a column is NULL (a restored column that should be NOT NULL). Parameters: none.
SELECT count(*) FROM ${table} WHERE ${column} IS NULL
