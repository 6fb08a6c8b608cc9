CREATE TABLE test (txt text);
DO $$ BEGIN INSERT INTO test (txt) VALUES ('abc'); END; $$;
