COPY (${source}) TO STDOUT WITH (FORMAT csv, HEADER true)
